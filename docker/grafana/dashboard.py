#!/usr/bin/env python3
# Writes anxin-dashboard.json (Grafana) beside this file: python3 docker/grafana/dashboard.py
import os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
import json
panels=[]; pid=[0]; y=[0]; x=[0]
DS={"type":"prometheus","uid":"${datasource}"}
def nid():
    pid[0]+=1; return pid[0]
def row(title):
    x[0]=0
    panels.append({"type":"row","title":title,"id":nid(),"collapsed":False,"gridPos":{"h":1,"w":24,"x":0,"y":y[0]},"panels":[]})
    y[0]+=1
def place(w,h):
    if x[0]+w>24: x[0]=0; y[0]+=h
    pos={"h":h,"w":w,"x":x[0],"y":y[0]}; x[0]+=w; return pos
def ts(title, targets, unit="short", desc=""):
    panels.append({"type":"timeseries","title":title,"id":nid(),"datasource":DS,"description":desc,
       "gridPos":place(12,8),
       "fieldConfig":{"defaults":{"unit":unit,"custom":{"lineWidth":1,"fillOpacity":10}},"overrides":[]},
       "options":{"legend":{"displayMode":"table","placement":"bottom","calcs":["lastNotNull","max"]},"tooltip":{"mode":"multi"}},
       "targets":[{"refId":chr(65+i),"expr":e,"legendFormat":l,"datasource":DS} for i,(e,l) in enumerate(targets)]})
def stat(title, expr, unit="short", desc=""):
    panels.append({"type":"stat","title":title,"id":nid(),"datasource":DS,"description":desc,"gridPos":place(6,4),
       "fieldConfig":{"defaults":{"unit":unit},"overrides":[]},
       "options":{"reduceOptions":{"calcs":["lastNotNull"]},"colorMode":"value","graphMode":"area"},
       "targets":[{"refId":"A","expr":expr,"datasource":DS}]})
def newline(h):
    x[0]=0; y[0]+=h
def sel(job, var, extra=""):
    return '{job="%s",instance=~"$%s"%s}' % (job, var, extra)

G=sel("anxin-gateway","gateway"); G_SOS=sel("anxin-gateway","gateway",',type="SOS"'); G_HEAP=sel("anxin-gateway","gateway",',area="heap"')
row("Gateways (GET /metrics on :9400, docs/protocols.md)")
stat("Device connections", "sum(anxin_gateway_connections%s)" % G, desc="Open connections of devices that passed CONNECT / login, all selected gateways")
stat("Frames in / s", "sum(rate(anxin_gateway_frames_received_total%s[1m]))" % G, unit="reqps")
stat("SOS events / 5 min", "sum(increase(anxin_gateway_events_total%s[5m]))" % G_SOS)
stat("Hand-off failures / 5 min", "sum(increase(anxin_gateway_handoff_failures_total%s[5m]))" % G,
     desc="Events not stored: Redis failed past the 10 s retry limit, or the hand-off queue was full (the device is not acked and resends)")
newline(4)
ts("Connections by gateway and protocol", [("sum by (instance, protocol) (anxin_gateway_connections%s)" % G,"{{instance}} {{protocol}}")])
ts("Frames received / s by protocol", [("sum by (protocol) (rate(anxin_gateway_frames_received_total%s[1m]))" % G,"{{protocol}}")], unit="reqps")
ts("Events handed to Redis / s by type", [("sum by (type) (rate(anxin_gateway_events_total%s[1m]))" % G,"{{type}}")], unit="reqps")
ts("Hand-off latency (hand-off to Redis reply, queue wait included)", [
    ("histogram_quantile(0.5, sum by (le) (rate(anxin_gateway_handoff_seconds_bucket%s[5m])))" % G,"p50"),
    ("histogram_quantile(0.99, sum by (le) (rate(anxin_gateway_handoff_seconds_bucket%s[5m])))" % G,"p99"),
    ("max(anxin_gateway_handoff_seconds_max%s)" % G,"max"),
    ("sum(rate(anxin_gateway_handoff_seconds_sum%s[5m])) / sum(rate(anxin_gateway_handoff_seconds_count%s[5m]))" % (G,G),"mean")], unit="s")
ts("Hand-off queue (events waiting)", [("sum by (instance) (anxin_gateway_handoff_queue%s)" % G,"{{instance}}")])
ts("Hand-off failures / s", [("sum by (instance) (rate(anxin_gateway_handoff_failures_total%s[5m]))" % G,"{{instance}}")], unit="reqps")
ts("Refused connections / s by reason", [("sum by (protocol, reason) (rate(anxin_gateway_refused_total%s[5m]))" % G,"{{protocol}} {{reason}}")], unit="reqps",
   desc="unregistered, bad_credentials, before_login, registry_unavailable, rate_limited, clone_suspected")
ts("Bad input / s", [
    ("sum by (protocol) (rate(anxin_gateway_decode_errors_total%s[5m]))" % G,"decode errors {{protocol}}"),
    ("sum by (protocol) (rate(anxin_gateway_checksum_mismatches_total%s[5m]))" % G,"checksum mismatches {{protocol}}"),
    ("sum by (protocol) (rate(anxin_gateway_rejected_payloads_total%s[5m]))" % G,"rejected payloads {{protocol}}")], unit="reqps")
ts("Gateway JVM heap used", [("sum by (instance) (jvm_memory_used_bytes%s)" % G_HEAP,"{{instance}}")], unit="bytes")
ts("Gateway process CPU", [("process_cpu_usage%s" % G,"{{instance}}")], unit="percentunit")
newline(8)
P=sel("anxin-platform","platform"); P_HEAP=sel("anxin-platform","platform",',area="heap"')
row("Platform nodes (GET /actuator/prometheus as the scrape account, docs/deploy.md)")
stat("Alarms waiting (RAISED)", "max(anxin_alarms%s)" % sel("anxin-platform","platform",',status="RAISED"'),
     desc="Alarms no operator has acted on yet (every node reports the same figure, from the database)")
stat("Ingest backlog (pending)", "max(sum by (instance) (anxin_ingest_pending%s))" % P,
     desc="Stream entries read by a node but not yet stored and acknowledged, all partitions")
stat("Answer time p90", "histogram_quantile(0.9, sum by (le) (rate(anxin_alarm_answer_seconds_bucket%s[1h])))" % P, unit="s",
     desc="From the desk raising an alarm to an operator's first act on it, last hour")
stat("Notifications failed / 1 h", "sum(increase(anxin_notifications_total%s[1h]))" % sel("anxin-platform","platform",',result=~"refused|unreachable"'),
     desc="SMS and calls Twilio refused, or that could not reach Twilio after three attempts")
newline(4)
ts("Alarms by state", [("max by (status) (anxin_alarms%s)" % P,"{{status}}")])
ts("Answer time by alarm type", [
    ("histogram_quantile(0.5, sum by (le, type) (rate(anxin_alarm_answer_seconds_bucket%s[15m])))" % P,"p50 {{type}}"),
    ("histogram_quantile(0.9, sum by (le, type) (rate(anxin_alarm_answer_seconds_bucket%s[15m])))" % P,"p90 {{type}}")], unit="s")
ts("Ingest lag by stream partition", [("max by (stream) (anxin_ingest_lag_seconds%s)" % P,"{{stream}}")], unit="s",
   desc="Age of the newest entry not yet delivered to the platform's consumer group")
ts("Ingest pending by stream partition", [("max by (stream) (anxin_ingest_pending%s)" % P,"{{stream}}")])
ts("Notifications by result / 5 min", [("sum by (channel, result) (increase(anxin_notifications_total%s[5m]))" % P,"{{channel}} {{result}}")])
ts("Platform scrape up", [("up%s" % P,"{{instance}}")])
ts("HTTP requests / s by status", [("sum by (instance, status) (rate(http_server_requests_seconds_count%s[1m]))" % P,"{{instance}} {{status}}")], unit="reqps")
ts("HTTP mean latency by route", [("sum by (uri) (rate(http_server_requests_seconds_sum%s[5m])) / sum by (uri) (rate(http_server_requests_seconds_count%s[5m]))" % (P,P),"{{uri}}")], unit="s")
ts("Database connections (HikariCP)", [
    ("sum by (instance) (hikaricp_connections_active%s)" % P,"active {{instance}}"),
    ("sum by (instance) (hikaricp_connections_pending%s)" % P,"waiting {{instance}}")])
ts("Platform JVM heap used", [("sum by (instance) (jvm_memory_used_bytes%s)" % P_HEAP,"{{instance}}")], unit="bytes")
ts("Platform process CPU", [("process_cpu_usage%s" % P,"{{instance}}")], unit="percentunit")

def var(name,label,query):
    return {"name":name,"type":"query","label":label,"datasource":DS,"query":{"query":query,"refId":name},"definition":query,
            "includeAll":True,"multi":True,"allValue":".*","current":{"text":"All","value":"$__all"},"refresh":2}
dash={"title":"Anxin: gateways and platform","uid":"anxin-overview","schemaVersion":39,"version":1,"editable":True,
 "tags":["anxin"],"timezone":"browser","refresh":"30s","time":{"from":"now-1h","to":"now"},
 "description":"Gateway panels: the metrics of docs/protocols.md (Gateway metrics). Platform panels: the anxin_* metrics of docs/deploy.md (Metrics) and Spring Boot's standard Micrometer names. Scrape jobs anxin-gateway and anxin-platform as in docker/prometheus.yml.",
 "templating":{"list":[
   {"name":"datasource","type":"datasource","query":"prometheus","label":"Prometheus","current":{},"hide":0},
   var("gateway","Gateway",'label_values(up{job="anxin-gateway"}, instance)'),
   var("platform","Platform node",'label_values(up{job="anxin-platform"}, instance)')]},
 "annotations":{"list":[]},"panels":panels}
with open("anxin-dashboard.json","w") as f:
    json.dump(dash, f, ensure_ascii=False, indent=2); f.write("\n")
print(len(panels),"panels")
