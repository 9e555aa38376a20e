# The device gateway. Build from the repository root (BuildKit):
#   DOCKER_BUILDKIT=1 docker build --network host -f docker/gateway.Dockerfile -t anxin/gateway .
# --network host lets the build stage reach Maven Central. JARS=prebuilt copies
# gateway/target/gateway-*-exec.jar built on the host instead (no Maven in Docker).
ARG JARS=build

FROM anxin/jdk17:bookworm AS build
WORKDIR /src
# site CA certificates (a TLS-inspecting proxy before Maven Central), given by docker/build.sh as the
# BuildKit secret extra-ca (PEM, one or more certificates); none: nothing changes
RUN --mount=type=secret,id=extra-ca \
    if [ -s /run/secrets/extra-ca ]; then \
      awk '/BEGIN CERTIFICATE/{n++} {print > ("/usr/local/share/ca-certificates/extra-" n ".crt")}' /run/secrets/extra-ca \
      && update-ca-certificates >/dev/null; \
    fi
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl gateway -am -DskipTests -Dspotless.check.skip=true -Dforbiddenapis.skip=true \
      -Djacoco.skip=true -Denforcer.skip=true package \
 && cp gateway/target/gateway-*-exec.jar /app.jar

FROM scratch AS jar-build
COPY --from=build /app.jar /app.jar

FROM scratch AS jar-prebuilt
COPY gateway/target/gateway-*-exec.jar /app.jar

FROM jar-${JARS} AS jar

FROM anxin/jre17:bookworm
COPY --from=jar /app.jar /opt/anxin/gateway.jar
# Heap is a share of the container's memory limit; Netty's direct buffers take from the rest.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=25 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError" \
    ANXIN_GATEWAY_METRICS_HOST=0.0.0.0
USER anxin
WORKDIR /var/lib/anxin
EXPOSE 1883 8883 8083 5093 5023 9400
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD http-ok "${ANXIN_GATEWAY_METRICS_PORT:-9400}" /metrics anxin_gateway_connections
ENTRYPOINT ["jvm-entrypoint", "/opt/anxin/gateway.jar"]
