#!/usr/bin/env bash
# Sourced by ./run.sh and ./bench.sh from the repository's root: checks for a JDK, then builds (./mvnw install
# -DskipTests) when anything changed since the last build, so both start from jars that match the sources.
if ! command -v java >/dev/null 2>&1; then
  echo "$0: a JDK 17 or newer is needed (java not found on PATH)" >&2
  exit 1
fi

stamp=.work/.built
mkdir -p .work
changed=""
if [ -f "$stamp" ]; then
  changed=$(find . \( -path ./.work -o -path ./.git -o -name target \) -prune -o -type f -newer "$stamp" -print -quit)
fi
if [ ! -f "$stamp" ] || [ -n "$changed" ]; then
  echo "$0: building (./mvnw install -DskipTests) …"
  ./mvnw -B -q install -DskipTests
  touch "$stamp"
fi
