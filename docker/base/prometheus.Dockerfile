# anxin/prometheus:2.42: Prometheus from Debian bookworm, for compose.yaml's `monitoring` profile.
# Runs as user prometheus; the scrape jobs are docker/prometheus.yml, mounted by compose.
FROM anxin/debian:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && mkdir -p /prometheus && chown prometheus:prometheus /prometheus
COPY http-ok /usr/local/bin/http-ok
USER prometheus
VOLUME ["/prometheus"]
EXPOSE 9090
HEALTHCHECK --interval=10s --timeout=5s --retries=3 CMD http-ok 9090 /-/ready
ENTRYPOINT ["prometheus", "--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", \
  "--storage.tsdb.retention.time=15d", "--web.listen-address=:9090"]
