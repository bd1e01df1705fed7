#!/usr/bin/env bash
# Runs the whole jixiao platform on this machine, without Docker: real PostgreSQL, Kafka and Keycloak, the five
# services, and the seed department's sample unit loaded through the gateway. Needs only a JDK 17+.
# Builds first when anything changed since the last build; Ctrl-C stops everything, data is kept in .work/data.
# ./run.sh --instances assessment-service=2,report-service=2 starts further instances of those services.
set -euo pipefail
cd "$(dirname "$0")"
. deploy/local/build-if-changed.sh

exec java -cp "deploy/local/target/classes:deploy/local/target/lib/*" io.jixiao.local.LocalRun "$@"
