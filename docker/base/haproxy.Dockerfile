# anxin/haproxy:2.6: HAProxy from Debian bookworm, the load balancer. Runs as user haproxy; the
# configuration is docker/haproxy.cfg, mounted at /etc/haproxy/haproxy.cfg by compose.yaml.
FROM anxin/debian:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends haproxy \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
COPY http-ok /usr/local/bin/http-ok
USER haproxy
EXPOSE 8080 1883 8883 8083 5093 5023 8404
HEALTHCHECK --interval=5s --timeout=5s --retries=3 CMD http-ok 8404 /healthz
ENTRYPOINT ["haproxy", "-W", "-db", "-f", "/etc/haproxy/haproxy.cfg"]
