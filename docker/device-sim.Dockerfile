# device-sim: the simulated city (or the load generator), a client of the gateway and the platform.
# Build from the repository root (BuildKit):
#   DOCKER_BUILDKIT=1 docker build --network host -f docker/device-sim.Dockerfile -t anxin/device-sim .
# JARS=prebuilt copies device-sim/target/device-sim-*-exec.jar built on the host instead.
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
    ./mvnw -B -q -pl device-sim -am -DskipTests -Dspotless.check.skip=true -Dforbiddenapis.skip=true \
      -Djacoco.skip=true -Denforcer.skip=true package \
 && cp device-sim/target/device-sim-*-exec.jar /app.jar

FROM scratch AS jar-build
COPY --from=build /app.jar /app.jar

FROM scratch AS jar-prebuilt
COPY device-sim/target/device-sim-*-exec.jar /app.jar

FROM jar-${JARS} AS jar

FROM anxin/jre17:bookworm
COPY --from=jar /app.jar /opt/anxin/device-sim.jar
# the city's state (registrations, device secrets): a volume, which takes this owner when first made
RUN mkdir -p /var/lib/anxin/sim && chown anxin:anxin /var/lib/anxin/sim && chmod 700 /var/lib/anxin/sim
ENV JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
USER anxin
WORKDIR /var/lib/anxin
# `city --state-dir /var/lib/anxin/sim`: healthy once the city has registered its people and devices
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 CMD test -s /var/lib/anxin/sim/city.json
ENTRYPOINT ["jvm-entrypoint", "/opt/anxin/device-sim.jar"]
CMD ["help"]
