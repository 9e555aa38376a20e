# anxin/jdk17:bookworm: the build stage of the application images (the Maven wrapper needs a JDK).
# Never a final image.
FROM anxin/jre17:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
