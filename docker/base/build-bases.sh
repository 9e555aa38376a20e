#!/usr/bin/env bash
# Makes the local base images the Anxin Dockerfiles start FROM. There is no image registry to pull
# from: the root file system comes from Debian's own mirror through debootstrap, and everything on
# top of it from Debian packages.
#
#   anxin/debian:bookworm    debootstrap --variant=minbase bookworm, imported with `docker import`
#   anxin/jre17:bookworm     + openjdk-17-jre-headless, user anxin (uid 10001): runtime of the jars
#   anxin/jdk17:bookworm     + openjdk-17-jdk-headless: the build stage (Maven wrapper)
#   anxin/postgres:15        Debian's postgresql-15 (bookworm has no PostgreSQL 17)
#   anxin/redis:7            Debian's redis-server 7.0, AOF on, password required
#   anxin/haproxy:2.6        Debian's haproxy, the load balancer
#   anxin/prometheus:2.42    Debian's prometheus, for the `monitoring` profile
#
# Idempotent: an image is kept while its Dockerfile and the files it copies are unchanged (the
# image's label anxin.source holds their hash); REBUILD=1 makes them all again.
# MIRROR overrides the Debian mirror (default: the first one in /etc/apt/sources.list*).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DOCKER="${DOCKER:-docker}"
say() { printf '[bases] %s\n' "$*"; }

have() { [ -z "${REBUILD:-}" ] && "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

mirror() {
  if [ -n "${MIRROR:-}" ]; then printf '%s\n' "$MIRROR"; return; fi
  local m
  m="$(grep -rhoE '^(URIs:|deb) +[^ ]*' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
    | awk '{print $2}' | grep -E '/debian/?$' | head -n 1 || true)"
  printf '%s\n' "${m:-http://deb.debian.org/debian}"
}

if ! have anxin/debian:bookworm; then
  command -v debootstrap >/dev/null || { say "needs debootstrap (apt-get install debootstrap)"; exit 1; }
  rootfs="$(mktemp -d /var/tmp/anxin-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' EXIT
  say "debootstrap --variant=minbase bookworm from $(mirror) (a few minutes) ..."
  debootstrap --variant=minbase bookworm "$rootfs" "$(mirror)" >"$rootfs.log" 2>&1 \
    || { tail -n 20 "$rootfs.log"; exit 1; }
  rm -f "$rootfs.log"
  # bookworm, its point-release updates and security updates; no apt lists or caches in the image
  m="$(mirror)"
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s-security bookworm-security main\n' \
    "$m" "$m" "${m%/}" >"$rootfs/etc/apt/sources.list"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
  say "docker import -> anxin/debian:bookworm"
  tar -C "$rootfs" -c . | "$DOCKER" import -c 'CMD ["/bin/bash"]' - anxin/debian:bookworm >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi

# The derived images install Debian packages, so their RUN steps need the mirror: --network host.
# source_hash FILE: the Dockerfile and every file it COPYs from here (an entrypoint's change must
# reach the image even where an older one is present)
source_hash() {
  local file="$1" copied
  {
    cat "$HERE/$file"
    for copied in $(awk '$1 == "COPY" && $2 !~ /^--/ {print $2}' "$HERE/$file"); do cat "$HERE/$copied"; done
  } | sha256sum | cut -c1-16
}
build() {
  local tag="$1" file="$2" hash
  hash="$(source_hash "$file")"
  if have "$tag" && [ "$("$DOCKER" image inspect -f '{{ index .Config.Labels "anxin.source" }}' "$tag")" = "$hash" ]; then
    say "$tag: present"
    return
  fi
  say "building $tag ($file) ..."
  "$DOCKER" build --network host --build-arg "MIRROR=$(mirror)" --label "anxin.source=$hash" -t "$tag" \
    -f "$HERE/$file" "$HERE"
}
build anxin/jre17:bookworm jre17.Dockerfile
build anxin/jdk17:bookworm jdk17.Dockerfile
build anxin/postgres:15 postgres.Dockerfile
build anxin/redis:7 redis.Dockerfile
build anxin/haproxy:2.6 haproxy.Dockerfile
build anxin/prometheus:2.42 prometheus.Dockerfile
say "done."
