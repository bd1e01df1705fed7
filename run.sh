#!/usr/bin/env bash
# Runs the whole jixiao platform on this machine, without Docker: real PostgreSQL, Kafka and Keycloak, the five
# services, and the seed department's sample unit loaded through the gateway. Needs only a JDK 17+.
# Builds first when anything changed since the last build; Ctrl-C stops everything, data is kept in .work/data.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "run.sh: a JDK 17 or newer is needed (java not found on PATH)" >&2
  exit 1
fi

stamp=.work/.built
mkdir -p .work
changed=""
if [ -f "$stamp" ]; then
  changed=$(find . \( -path ./.work -o -path ./.git -o -name target \) -prune -o -type f -newer "$stamp" -print -quit)
fi
if [ ! -f "$stamp" ] || [ -n "$changed" ]; then
  echo "run.sh: building (./mvnw install -DskipTests) …"
  ./mvnw -B -q install -DskipTests
  touch "$stamp"
fi

exec java -cp "deploy/local/target/classes:deploy/local/target/lib/*" io.jixiao.local.LocalRun "$@"
