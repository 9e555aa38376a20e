#!/usr/bin/env bash
# Builds every image docker/compose.yaml runs, locally (there is no registry to pull from):
# the base images (base/build-bases.sh), then anxin/{gateway,platform,device-sim}:TAG.
#
#   docker/build.sh               # the jars are built inside Docker by the Maven wrapper
#   JARS=prebuilt docker/build.sh # the jars are built on the host (./mvnw -DskipTests package,
#                                 # when missing or older than the sources) and copied in
#
# Needs a running Docker engine with BuildKit (Docker >= 20.10) and, for the build stage and the
# base images, the network to Maven Central and a Debian mirror (the builds use --network host).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JARS="${JARS:-build}"
TAG="${ANXIN_IMAGE_TAG:-local}"
# Debian's docker.io client has BuildKit built in; a newer client needs its buildx plugin for it
if [ -z "${DOCKER:-}" ]; then
  if [ -x /usr/bin/docker ]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
fi
export DOCKER DOCKER_BUILDKIT=1
say() { printf '[build] %s\n' "$*"; }

case "$JARS" in
  build | prebuilt) ;;
  *) say "JARS must be build or prebuilt, not $JARS"; exit 2 ;;
esac

"$ROOT/docker/base/build-bases.sh"

if [ "$JARS" = prebuilt ]; then
  stale=0
  for module in gateway platform device-sim; do
    jar="$(ls "$ROOT/$module/target/$module"-*-exec.jar 2>/dev/null | head -n 1 || true)"
    if [ -z "$jar" ] || [ -n "$(find "$ROOT/$module/src" "$ROOT/$module/pom.xml" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]; then
      stale=1
    fi
  done
  if [ "$stale" -eq 1 ]; then
    say "building the jars on the host (./mvnw -B -q -DskipTests package -pl gateway,platform,device-sim -am) ..."
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl gateway,platform,device-sim -am)
  fi
fi

# Certificates the build stage must trust besides Debian's: EXTRA_CA (a PEM file), else the site's
# own CAs in /usr/local/share/ca-certificates (e.g. a TLS-inspecting proxy before Maven Central).
# They reach only the build stage (a BuildKit secret), never a final image.
extra_ca="$(mktemp)"
trap 'rm -f "$extra_ca"' EXIT
if [ -n "${EXTRA_CA:-}" ]; then
  cat "$EXTRA_CA" >"$extra_ca"
elif ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  for crt in /usr/local/share/ca-certificates/*.crt; do cat "$crt"; echo; done >"$extra_ca"
fi

for module in gateway platform device-sim; do
  say "anxin/$module:$TAG (JARS=$JARS) ..."
  "$DOCKER" build --network host --build-arg "JARS=$JARS" --secret "id=extra-ca,src=$extra_ca" \
    -f "$ROOT/docker/$module.Dockerfile" -t "anxin/$module:$TAG" "$ROOT"
done
say "images:"
"$DOCKER" images --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep '^anxin/' | sort | sed 's/^/  /'
