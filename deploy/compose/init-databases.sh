#!/usr/bin/env bash
# Creates the jixiao role and one database per service (budget, personnel, assessment, report), each owned
# by that role. The postgres image runs this once, from /docker-entrypoint-initdb.d/, on an empty data
# directory (docker-compose.yml mounts it there; deploy/k8s mounts it from a generated ConfigMap).
#
# Environment (set by docker-compose.yml / the StatefulSet):
#   POSTGRES_USER        the superuser the image creates (default postgres)
#   JIXIAO_DB_USER       the services' role (default jixiao)
#   JIXIAO_DB_PASSWORD   its password (required; demo value in compose, a Secret in Kubernetes)
#   JIXIAO_DATABASES     the databases (default: budget personnel assessment report)
#
# The image may source this file instead of executing it: no `exit`, no `set -u`.
set -eo pipefail

jixiao_user="${JIXIAO_DB_USER:-jixiao}"
jixiao_databases="${JIXIAO_DATABASES:-budget personnel assessment report}"
if [ -z "${JIXIAO_DB_PASSWORD:-}" ]; then
    echo "init-databases.sh: JIXIAO_DB_PASSWORD is not set" >&2
    false
fi

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    --set=jixiao_user="$jixiao_user" --set=jixiao_password="$JIXIAO_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'jixiao_user', :'jixiao_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'jixiao_user')\gexec
SQL

for db in $jixiao_databases; do
    psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
        --set=db="$db" --set=jixiao_user="$jixiao_user" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L', :'db', :'jixiao_user', 'UTF8')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')\gexec
SQL
    echo "init-databases.sh: database $db owned by $jixiao_user"
done
