#!/usr/bin/env bash
# HighRisk fault suite, part b (issue 22 item 5b): failover on PostgreSQL streaming replication under exam load.
# Two private PostgreSQL 15 clusters under /tmp with normal durability: a primary (initdb) and a standby made from it
# with pg_basebackup -R, streaming, named in the primary's synchronous_standby_names (synchronous_commit on, so a commit
# is acknowledged only once the standby has it on disk). The service is published in Release and run as one process
# (API and worker) on a multi-host connection string (Target Session Attributes=primary), with its lists on a second
# one (ConnectionStrings:ReadOnly, Target Session Attributes=prefer-standby). A health worker records exams from several
# threads; after FAILOVER_BEFORE seconds every process of the primary is killed with SIGKILL, FAILOVER_PROMOTE seconds
# later the standby is promoted (pg_ctl promote), and the load goes on for FAILOVER_AFTER seconds against the same
# service process. The old primary stays dead.
# Checks, and prints as figures (also $FAILOVER_DIR/out/figures.env):
#   the standby was synchronous, and the pregnancy list was read on it while the primary lived (the lists' connections
#   that ran a query: on the standby, none on the primary);
#   every exam the service acknowledged (201) is on the new primary (acknowledged_missing=0);
#   every request made between the kill and the promotion answered 503 with code DatabaseUnavailable, and no request in
#   any phase answered another 5xx or nothing; the same service process answers 201 again after the promotion by
#   itself, and only 201 after that; the lists answer 200 again (from the new primary, the only server left);
#   not ready during the gap, ready after; the log says "Database unavailable" once and "Database available again" once,
#   and has at most 5 error lines in all.
# Exit status 0 only when all of that holds.
#
# Usage: tests/faults/failover.sh             (about 4 minutes on 2 cores, most of it publishing)
# Settings (environment):
#   FAILOVER_DIR=/tmp/hr-failover   work folder; removed at the end except out/
#   FAILOVER_SOURCE=head|worktree   build the committed HEAD (default) or the work tree (also FAULTS_SOURCE)
#   FAILOVER_PUBLISHED=folder       run a service published before (dotnet publish -c Release -o folder) instead (also FAULTS_APP)
#   FAILOVER_BEFORE=10 FAILOVER_PROMOTE=5 FAILOVER_AFTER=20   seconds of each phase (PROMOTE: from the kill to pg_ctl promote)
#   FAILOVER_THREADS=8 FAILOVER_WOMEN=40
#   FAILOVER_RECHECK=2              Npgsql's Host Recheck Seconds (its default is 10): how long it trusts what it
#                                   learnt of a host (offline, standby) before asking again
#   FAILOVER_PG_PORTS="5491 5492"   TCP ports of the primary and the standby (127.0.0.1);  FAILOVER_PORT=5096  the service
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
F="${FAILOVER_DIR:-/tmp/hr-failover}"
SOCK1=/tmp/hrfo-s1; SOCK2=/tmp/hrfo-s2     # short: unix socket paths are limited to 107 bytes
read -r P1 P2 <<< "${FAILOVER_PG_PORTS:-5491 5492}"
PORT="${FAILOVER_PORT:-5096}"
URL="http://127.0.0.1:$PORT"
BEFORE="${FAILOVER_BEFORE:-10}"; PROMOTE="${FAILOVER_PROMOTE:-5}"; AFTER="${FAILOVER_AFTER:-20}"
THREADS="${FAILOVER_THREADS:-8}"; WOMEN="${FAILOVER_WOMEN:-40}"; RECHECK="${FAILOVER_RECHECK:-2}"
SOURCE="${FAILOVER_SOURCE:-${FAULTS_SOURCE:-head}}"
FAULTS_APP="${FAILOVER_PUBLISHED:-${FAULTS_APP:-}}"
OUT="$F/out"
SOCK="$SOCK1"
HOSTS="127.0.0.1:$P1,127.0.0.1:$P2"
WRITES="Host=$HOSTS;Database=highrisk;Username=postgres;Target Session Attributes=primary;Host Recheck Seconds=$RECHECK;Application Name=highrisk"
LISTS="Host=$HOSTS;Database=highrisk;Username=postgres;Target Session Attributes=prefer-standby;Host Recheck Seconds=$RECHECK;Application Name=highrisk-lists"
LOAD_PID=""
# shellcheck source=tests/faults/lib.sh
. "$HERE/lib.sh"

on() {   # on SOCKET PORT psql-arguments…
  local sock=$1 port=$2; shift 2; PGOPTIONS="-c statement_timeout=60s" psql -h "$sock" -p "$port" -U postgres -d "${DB:-highrisk}" -v ON_ERROR_STOP=1 -qAtX "$@"
}
list_status() {   # the pregnancy list as the health worker of the load sees it
  python3 - "$URL" "$USER_PASSWORD" "$HERE" <<'PY'
import sys
sys.path.insert(0, sys.argv[3])
import exam_load
base = sys.argv[1]
try:
    worker = exam_load.token(base, "fault-worker", sys.argv[2])
except SystemExit:
    print("sign-in-failed"); sys.exit(0)
status, body = exam_load.call(base, "GET", "/api/pregnancies?limit=20", token=worker)
print(f"{status}:{(body or {}).get('code', '')}" if status != 200 else "200")
PY
}

cleanup() {
  local status=$?
  set +e
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null
  faults_stop "${SERVICE_PIDS[@]}"
  for data in "$F/primary/data" "$F/standby/data"; do
    [ -f "$data/postmaster.pid" ] && "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
  done
  cp "$F/primary/server.log" "$OUT/primary.log" 2>/dev/null; cp "$F/standby/server.log" "$OUT/standby.log" 2>/dev/null
  rm -rf "$F/primary" "$F/standby" "$SOCK2"
  faults_cleanup
  [ $status -ne 0 ] && echo "failover.sh failed (exit $status); see $OUT/run.log and $OUT/service.log" >&2
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

faults_prepare
for p in "$P1" "$P2" "$PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is already in use" >&2; exit 1; fi
done
log "fault suite (b): failover to a synchronous standby under exam load; work folder $F, source $SOURCE"
figure host_recheck_seconds "$RECHECK"

faults_publish
APP="$F/app"

# --- primary and synchronous standby -------------------------------------------------------------------------------
log "starting the primary (127.0.0.1:$P1) under $F/primary"
rm -rf "$F/primary" "$F/standby" "$SOCK1" "$SOCK2"; mkdir -p "$F/primary" "$F/standby" "$SOCK1" "$SOCK2"
[ ${#AS_PG[@]} -gt 0 ] && chown postgres:postgres "$F/primary" "$F/standby" "$SOCK1" "$SOCK2" && chmod 700 "$F/primary" "$F/standby"
"${AS_PG[@]}" "$PGBIN/initdb" -D "$F/primary/data" --auth=trust -E UTF8 --locale=C.UTF-8 -U postgres > "$OUT/initdb.log"
cat >> "$F/primary/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $P1
unix_socket_directories = '$SOCK1'
fsync = on
synchronous_commit = on
full_page_writes = on
wal_level = replica
CONF
pg_start "$F/primary/data"
"${AS_PG[@]}" "$PGBIN/createdb" -h "$SOCK1" -p "$P1" -U postgres highrisk

log "making the standby (127.0.0.1:$P2) with pg_basebackup -R"
"${AS_PG[@]}" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U postgres -D "$F/standby/data" -R -X stream -c fast > "$OUT/basebackup.log" 2>&1
# Its own port and socket; its name in the primary's synchronous_standby_names; and, once promoted, nobody to wait for
# (with the primary's synchronous_standby_names a promoted standby alone would wait for ever on every commit).
cat >> "$F/standby/data/postgresql.conf" <<CONF
port = $P2
unix_socket_directories = '$SOCK2'
synchronous_standby_names = ''
hot_standby = on
CONF
echo "primary_conninfo = 'host=127.0.0.1 port=$P1 user=postgres application_name=standby1'" >> "$F/standby/data/postgresql.auto.conf"
pg_start "$F/standby/data"
# Named as synchronous only now that it streams: before, every commit (createdb's too) would wait for it for ever.
DB=postgres on "$SOCK1" "$P1" -c "ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (standby1)'" -c "SELECT pg_reload_conf()" > /dev/null
sync_state=""
for _ in $(seq 1 100); do
  sync_state="$(DB=postgres on "$SOCK1" "$P1" -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'")"
  [ "$sync_state" = sync ] && break; sleep 0.2
done
figure standby_sync_state "${sync_state:-none}"
log "standby1 is $sync_state"

log "migrating (dotnet HighRisk.Web.dll --migrate) on the multi-host connection string"
( cd "$APP" && ConnectionStrings__HighRisk="$WRITES" \
    DataFolder="$F/data" DataProtection__KeysFolder="$F/data/keys" Seed__AdminPassword="$ADMIN_PASSWORD" \
    dotnet HighRisk.Web.dll --migrate ) > "$OUT/migrate.log" 2>&1 || { tail -30 "$OUT/migrate.log"; exit 1; }

# --- the service: one process, API and worker ----------------------------------------------------------------------
faults_service service all "$PORT" "ConnectionStrings__HighRisk=$WRITES" "ConnectionStrings__ReadOnly=$LISTS"
SERVICE_PID="${SERVICE_PIDS[0]}"
faults_ready "$PORT" "$SERVICE_PID"
python3 "$HERE/exam_load.py" setup "$URL" "$ADMIN_PASSWORD" "$USER_PASSWORD" "$TODAY" "$OUT/ids.txt" "$WOMEN" | tee -a "$OUT/run.log"

# --- where the lists read while both servers live ------------------------------------------------------------------
figure list_before "$(list_status)"
# The lists' connections (Application Name=highrisk-lists) and the last statement of each: Npgsql also opens one to the
# primary to learn that it is not a standby (its last statement is Npgsql's own type loading), and reads nothing there.
lists_conn="FROM pg_stat_activity WHERE application_name = 'highrisk-lists'"
list_reads="SELECT count(*) $lists_conn AND query ~* '\\m(pregnancies|transfers|referrals|cases|overdue_spells|alerts|divisions)\\M'"
for server in "$SOCK1 $P1" "$SOCK2 $P2"; do
  # shellcheck disable=SC2086
  on $server -c "SELECT '${server#* }', state, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) $lists_conn"
done > "$OUT/lists-connections.txt"
figure list_reads_on_standby "$(on "$SOCK2" "$P2" -c "$list_reads")"
figure list_reads_on_primary "$(on "$SOCK1" "$P1" -c "$list_reads")"

# --- load, kill the primary, promote the standby -------------------------------------------------------------------
log "exam load: $THREADS threads for $((BEFORE + PROMOTE + AFTER)) s"
python3 "$HERE/exam_load.py" run "$URL" "$USER_PASSWORD" "$TODAY" "$OUT/ids.txt" "$((BEFORE + PROMOTE + AFTER + 5))" "$THREADS" "$OUT/results.jsonl" >> "$OUT/run.log" &
LOAD_PID=$!
sleep "$BEFORE"
POSTMASTER=$(head -1 "$F/primary/data/postmaster.pid")
CHILDREN=$(cat "/proc/$POSTMASTER/task/$POSTMASTER/children" 2>/dev/null || true)
log "SIGKILL to the primary's postmaster ($POSTMASTER) and its processes ($(echo "$CHILDREN" | wc -w))"
KILLED_AT=$(date +%s.%N)
# shellcheck disable=SC2086
kill -9 "$POSTMASTER" $CHILDREN 2>/dev/null || true   # a child may have ended with the postmaster already
sleep 1
figure ready_during_gap "$(curl -s -m 3 -o /dev/null -w '%{http_code}' "$URL/health/ready")"
since_kill() { awk -v k="$KILLED_AT" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - k }'; }
sleep "$(awk -v s="$(since_kill)" -v p="$PROMOTE" 'BEGIN { print (p > s ? p - s : 0) }')"
log "promoting the standby (pg_ctl promote), $(since_kill) s after the kill"
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$F/standby/data" -w promote > /dev/null
PROMOTED_AT=$(date +%s.%N)
wait "$LOAD_PID"; LOAD_PID=""
kill -0 "$SERVICE_PID" || { log "the service process died"; exit 1; }
figure ready_after "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready")"
figure list_after "$(list_status)"
figure new_primary_in_recovery "$(on "$SOCK2" "$P2" -c "SELECT pg_is_in_recovery()")"

# --- what was acknowledged, and what the new primary holds ----------------------------------------------------------
python3 - "$OUT/results.jsonl" > "$OUT/acknowledged.txt" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["status"] == 201:
        print(r["examId"])
PY
on "$SOCK2" "$P2" -c "CREATE TEMP TABLE acked (id uuid)" -c "\\copy acked FROM '$OUT/acknowledged.txt'" \
  -c "SELECT a.id FROM acked a JOIN exams e ON e.id = a.id" > "$OUT/found.txt"
# "restarted" in the report is the promotion: the outage phase is from the kill to the promotion.
python3 "$HERE/exam_load.py" report "$OUT/results.jsonl" "$KILLED_AT" "$PROMOTED_AT" "$OUT/found.txt" \
  | sed 's/^first_201_after_restart_s=/first_201_after_promotion_s=/' >> "$OUT/figures.env"
figure log_database_unavailable "$(grep -c 'Database unavailable' "$OUT/service.log" || true)"
figure log_database_available_again "$(grep -c 'Database available again' "$OUT/service.log" || true)"
figure log_unhandled "$(grep -c 'Unhandled exception' "$OUT/service.log" || true)"
figure log_error_lines "$(grep -cE '^(fail|crit):' "$OUT/service.log" || true)"
cat "$OUT/figures.env"

# --- verdict -------------------------------------------------------------------------------------------------------
for key in standby_sync_state list_before list_reads_on_standby list_reads_on_primary acknowledged acknowledged_missing \
  outage_requests outage_statuses outage_503_with_code first_201_after_promotion_s after_recovery_non_201 ready_during_gap ready_after \
  list_after new_primary_in_recovery log_database_unavailable log_database_available_again log_error_lines; do
  printf -v "$key" '%s' "$(val "$key")"
done
others=0
for phase in before outage edge after; do others=$((others + $(val "${phase}_5xx_not_503") + $(val "${phase}_no_answer"))); done
FAIL=0
check "the standby was synchronous ($standby_sync_state)" '[ "$standby_sync_state" = sync ]'
check "the lists were read on the standby ($list_before; lists' connections that read: $list_reads_on_standby on the standby, $list_reads_on_primary on the primary)" \
  '[ "$list_before" = 200 ] && [ "$list_reads_on_standby" -gt 0 ] && [ "$list_reads_on_primary" = 0 ]'
check "every acknowledged exam is on the new primary ($acknowledged acknowledged, $acknowledged_missing missing)" '[ "$acknowledged" -gt 0 ] && [ "$acknowledged_missing" = 0 ]'
check "every request between the kill and the promotion answered 503 DatabaseUnavailable ($outage_statuses)" \
  '[ "$outage_requests" -gt 0 ] && [ "$outage_503_with_code" = "$outage_requests" ]'
check "no other 5xx and no unanswered request in any phase ($others)" '[ "$others" = 0 ]'
check "the same service process answers 201 again by itself (first ${first_201_after_promotion_s} s after the promotion), and only 201 after that" \
  '[ "$first_201_after_promotion_s" != never ] && [ "$after_recovery_non_201" = 0 ]'
check "the new primary is out of recovery ($new_primary_in_recovery) and the lists answer again ($list_after)" '[ "$new_primary_in_recovery" = f ] && [ "$list_after" = 200 ]'
check "not ready during the gap ($ready_during_gap), ready after ($ready_after)" '[ "$ready_during_gap" = 503 ] && [ "$ready_after" = 200 ]'
check "one log line when the outage began, one when it ended" '[ "$log_database_unavailable" = 1 ] && [ "$log_database_available_again" = 1 ]'
check "a handful of error lines in the whole log, not one per request ($log_error_lines)" '[ "$log_error_lines" -le 5 ]'
exit $FAIL
