# anxin/redis:7: Redis 7.0 from Debian bookworm, AOF on, a password required. Runs as user redis.
FROM anxin/debian:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server redis-tools \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && mkdir -p /data /run/redis && chown redis:redis /data /run/redis && chmod 700 /data /run/redis
COPY redis-entrypoint /usr/local/bin/redis-entrypoint
USER redis
VOLUME ["/data"]
EXPOSE 6379
HEALTHCHECK --interval=5s --timeout=5s --start-period=10s --retries=5 \
  CMD REDISCLI_AUTH="$(cat /run/redis/password)" redis-cli -h 127.0.0.1 ping | grep -q PONG
ENTRYPOINT ["/usr/local/bin/redis-entrypoint"]
