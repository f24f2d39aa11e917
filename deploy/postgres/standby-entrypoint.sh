#!/bin/bash
# Entry point of compose.yaml's postgres-standby: on the first start (an empty volume), a copy of the primary made with
# pg_basebackup -R (which writes standby.signal and primary_conninfo), named `standby` for the primary's
# synchronous_standby_names; then the image's own entry point, which finds the data directory initialised and starts
# PostgreSQL as a hot standby. Promote it with
#   docker compose -f deploy/compose.yaml exec -u postgres postgres-standby pg_ctl promote
# (docs/operations.md, "Failover").
set -Eeuo pipefail
: "${POSTGRES_REPLICATION_PASSWORD:?POSTGRES_REPLICATION_PASSWORD is not set}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -q -h postgres -p 5432; do echo "waiting for the primary"; sleep 2; done
  mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
  PGPASSWORD="$POSTGRES_REPLICATION_PASSWORD" gosu postgres \
    pg_basebackup -h postgres -p 5432 -U replicator -D "$PGDATA" -R -X stream -c fast
  # Later lines win: its name for the primary; and, copied from the primary, a synchronous_standby_names that a promoted
  # standby must not keep (alone, it would wait for ever on every commit).
  cat >> "$PGDATA/postgresql.auto.conf" <<CONF
primary_conninfo = 'host=postgres port=5432 user=replicator password=$POSTGRES_REPLICATION_PASSWORD application_name=standby'
synchronous_standby_names = ''
CONF
fi
exec docker-entrypoint.sh "$@"
