# anxin/jre17:bookworm: the runtime of the gateway, platform and device-sim images. A JRE only
# (no javac, no Maven), the http-ok health probe, and the unprivileged user anxin (uid 10001).
FROM anxin/debian:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless ca-certificates \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && groupadd --system --gid 10001 anxin \
 && useradd --system --uid 10001 --gid anxin --home-dir /var/lib/anxin --create-home --shell /usr/sbin/nologin anxin
COPY http-ok /usr/local/bin/http-ok
COPY jvm-entrypoint /usr/local/bin/jvm-entrypoint
