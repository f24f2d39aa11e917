#!/bin/bash
# Run once by the postgres:15 image when it initialises the primary's data directory (/docker-entrypoint-initdb.d).
# A role for streaming replication, allowed in pg_hba.conf from the compose network, and the standby named as
# synchronous: from the real start on, a commit is acknowledged only once the standby has it on disk.
# synchronous_standby_names is set with ALTER SYSTEM, not on the command line: the image's temporary server for these
# scripts takes the command line too, and would wait for ever for a standby that cannot exist yet.
set -Eeuo pipefail
: "${POSTGRES_REPLICATION_PASSWORD:?POSTGRES_REPLICATION_PASSWORD is not set}"
psql -v ON_ERROR_STOP=1 -v password="$POSTGRES_REPLICATION_PASSWORD" -v standby="${POSTGRES_SYNCHRONOUS_STANDBY_NAMES-standby}" \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
ALTER SYSTEM SET synchronous_standby_names = :'standby';
ALTER SYSTEM SET synchronous_commit = 'on';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
