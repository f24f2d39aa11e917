#!/usr/bin/env bash
# Fixes tried on the benchmark's database after a run kept with HR_BENCH_KEEP=1, before/after, without touching src/:
#   1. (the daily job's state update: applied in the service since, nothing left to try);
#   2. the township pregnancy list: the query as EF sends it vs. township_code = … with an index on
#      (township_code, number DESC);
#   3. configuration only, through the service: OpenTelemetry off (OTEL_SDK_DISABLED), Npgsql automatic preparation
#      (Max Auto Prepare), the per-request log line off — record-exam and the lists before/after.
# Usage: experiments.sh [HR_BENCH_DIR]      (starts and stops the kept cluster and the service itself)
#        SECTIONS="job list memory config" (the default: all) picks what to run.
set -Eeuo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
B="${1:-${HR_BENCH_DIR:-/tmp/hr-bench}}"
OUT="$B/out"
SOCK=/tmp/hrb-sock
PGBIN=/usr/lib/postgresql/15/bin
URL=http://127.0.0.1:5099
TODAY="$(TZ=Asia/Shanghai date +%F)"
TOMORROW="$(date -d "$TODAY + 1 day" +%F)"
NEXT_APPOINTMENT="$(TZ=Asia/Shanghai date -d '+14 days' +%F)"
TOWNSHIP=430302101; COUNTY=430302
SECONDS_LOAD="${HR_BENCH_SECONDS:-60}"; LIST_SECONDS="${HR_BENCH_LIST_SECONDS:-20}"
AS_PG=(); [ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
SERVICE_PID=""
USER_PASSWORD=$(awk 'NR==2{print $4}' "$OUT/accounts.txt")
X="$OUT/experiments"; mkdir -p "$X"

q() { psql -h "$SOCK" -U postgres -d highrisk -X -v ON_ERROR_STOP=1 "$@"; }
log() { printf '[%s] %s\n' "$(date +%T)" "$*" | tee -a "$X/experiments.log" >&2; }
cleanup() {
  set +e
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null
  "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$B/pg/data" -m fast -w stop > /dev/null 2>&1
}
trap cleanup EXIT

mkdir -p "$SOCK"; [ ${#AS_PG[@]} -gt 0 ] && chown postgres:postgres "$SOCK" && chmod 700 "$SOCK"
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$B/pg/data" -l "$B/pg/server.log" -w -t 60 start > /dev/null

# Runs SQL FILE with pgbench, one client, for SECONDS; prints "p50 p99 mean" in ms from the per-transaction log.
sql_latency() { # file seconds
  rm -f "$X"/pgbench_log.*
  (cd "$X" && pgbench -h "$SOCK" -U postgres -n -c1 -j1 -T"$2" -M extended -l -f "$1" highrisk > /dev/null 2>&1)
  cat "$X"/pgbench_log.* | python3 -c '
import sys
lat = sorted(int(l.split()[2]) / 1000 for l in sys.stdin if l.strip())
print(f"{lat[len(lat)//2]:.2f} {lat[int(len(lat)*0.99)]:.2f} {sum(lat)/len(lat):.2f} ({len(lat)} runs)")'
  rm -f "$X"/pgbench_log.*
}

# --- 1. the daily job: the fixes measured here in session 1 (states only, no self-join) are in the service now --------
section_job() { log "job: nothing to try; the recommended update is what DailyOverdueJob runs"; }

# --- 2. the township list -----------------------------------------------------------------------------------------
list_page() { # where-clause
  cat <<SQL
SELECT p0.id, p0.number, w.full_name, w.resident_id_masked, w.mobile_cipher, w.mobile_masked, p0.division_code, p0.lmp, p0.edd, p0.grade,
       p0.purple, p0.status, p0.health_worker, p0.booking_date, p0.outcome_date, p0.next_due_date, p0.follow_up_state
FROM (
    SELECT p.id, p.booking_date, p.division_code, p.edd, p.grade, p.health_worker, p.lmp, p.number, p.outcome_date, p.purple, p.status, p.woman_id, p.next_due_date, p.follow_up_state
    FROM pregnancies AS p
    WHERE $1
    ORDER BY p.number DESC
    LIMIT 51
) AS p0
INNER JOIN women AS w ON p0.woman_id = w.id
ORDER BY p0.number DESC;
SQL
}
section_list() {
list_page "(false OR p.division_code LIKE '$TOWNSHIP%') AND p.division_code LIKE '$TOWNSHIP%'" > "$X/list-township-as-sent.sql"
list_page "p.township_code = '$TOWNSHIP' AND p.division_code LIKE '$TOWNSHIP%'" > "$X/list-township-by-code.sql"
list_page "p.township_code = '$TOWNSHIP'" > "$X/list-township-code-only.sql"
list_page "(false OR p.division_code LIKE '$COUNTY%') AND p.division_code LIKE '$COUNTY%'" > "$X/list-county-as-sent.sql"
for v in township-as-sent township-by-code township-code-only county-as-sent; do
  q -c "EXPLAIN (ANALYZE, BUFFERS) $(cat "$X/list-$v.sql")" > "$X/plan-list-$v-before.txt"
  log "list $v before: p50/p99/mean $(sql_latency "$X/list-$v.sql" 10) ms"
done
log "CREATE INDEX ix_pregnancies_township_code_number ON pregnancies (township_code, number DESC)"
q -c "CREATE INDEX ix_pregnancies_township_code_number ON pregnancies (township_code, number DESC)" -c "ANALYZE pregnancies" > /dev/null
for v in township-as-sent township-by-code township-code-only; do
  q -c "EXPLAIN (ANALYZE, BUFFERS) $(cat "$X/list-$v.sql")" > "$X/plan-list-$v-after.txt"
  log "list $v after: p50/p99/mean $(sql_latency "$X/list-$v.sql" 10) ms"
done
# What a prepared statement gets (Npgsql's Max Auto Prepare): the generic plan, without the LIKE prefix's value.
q > "$X/generic-plans.txt" <<SQL
SET plan_cache_mode = force_generic_plan;
PREPARE as_sent(text, text, int) AS SELECT p.id FROM pregnancies p WHERE (false OR p.division_code LIKE \$1) AND p.division_code LIKE \$2 ORDER BY p.number DESC LIMIT \$3;
EXPLAIN (ANALYZE) EXECUTE as_sent('$TOWNSHIP%', '$TOWNSHIP%', 51);
PREPARE by_code(text, int) AS SELECT p.id FROM pregnancies p WHERE p.township_code = \$1 ORDER BY p.number DESC LIMIT \$2;
EXPLAIN (ANALYZE) EXECUTE by_code('$TOWNSHIP', 51);
SQL
log "generic plans: as sent $(grep -m1 'Execution Time' "$X/generic-plans.txt" | tr -s ' '); township_code = \$1 $(grep 'Execution Time' "$X/generic-plans.txt" | tail -1 | tr -s ' ')"
q -c "DROP INDEX ix_pregnancies_township_code_number" > /dev/null
}

# --- 3. configuration only, through the service -------------------------------------------------------------------
start_service() { # extra env…
  (
    cd "${APP_DIR:-$B/app}"   # APP_DIR: another build, e.g. a patched scratch copy of the source published elsewhere
    export ConnectionStrings__HighRisk="Host=$SOCK;Database=highrisk;Username=postgres"
    export DataFolder="$B/data" DataProtection__KeysFolder="$B/data/keys"
    export HighRisk__Role=all Database__MigrateOnStart=false urls="$URL" Security__HttpsRedirect=false ASPNETCORE_ENVIRONMENT=Production
    export Jobs__DailyOverdueCron='0 0 31 2 *' Jobs__SmsDeliveryCron='0 0 31 2 *' Jobs__MailDeliveryCron='0 0 31 2 *'
    export Jobs__AlertEscalationCron='0 0 31 2 *' Jobs__AuditRetentionCron='0 0 31 2 *'
    exec env "$@" dotnet HighRisk.Web.dll >> "$X/service.log" 2>&1
  ) &
  SERVICE_PID=$!
  for _ in $(seq 1 600); do curl -sf -o /dev/null "$URL/health/ready" && return 0; sleep 0.05; done
  return 1
}
stop_service() { kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""; }
pg_ticks() {
  local pm total c t
  pm=$(head -1 "$B/pg/data/postmaster.pid"); total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm"); do t=$(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0); total=$((total + ${t:-0})); done
  echo "$total"
}
measure() { # label wrk-args…  → one line: req/s, p50, p99, CPU ms per request (service, PostgreSQL)
  local label=$1; shift
  local s0 p0 s1 p1 n
  s0=$(awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat"); p0=$(pg_ticks)
  wrk "$@" > "$X/wrk-$label.txt"
  s1=$(awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat"); p1=$(pg_ticks)
  n=$(awk '/requests in/{print $1}' "$X/wrk-$label.txt")
  log "$label: $(awk '/Requests\/sec/{print $2}' "$X/wrk-$label.txt") req/s, p50 $(awk '/ 50%/{print $2}' "$X/wrk-$label.txt"), p99 $(awk '/ 99%/{print $2}' "$X/wrk-$label.txt"), CPU/request service $(python3 -c "print(round(($s1-$s0)*10/$n,2))") ms, PostgreSQL $(python3 -c "print(round(($p1-$p0)*10/$n,2))") ms; load $(cut -d' ' -f1-3 /proc/loadavg)"
}
configuration() { # label extra-env…
  local label=$1; shift
  start_service "$@"
  local worker township county
  worker=$(python3 "$HERE/api.py" token "$URL" bench-worker "$USER_PASSWORD")
  township=$(python3 "$HERE/api.py" token "$URL" bench-township "$USER_PASSWORD")
  county=$(python3 "$HERE/api.py" token "$URL" bench-county "$USER_PASSWORD")
  wrk -t2 -c16 -d20s -s "$HERE/record_exam.lua" "$URL" -- "$OUT/target-ids.txt" "$worker" "$TODAY" "$NEXT_APPOINTMENT" > /dev/null
  measure "$label-exam" -t2 -c16 -d"${SECONDS_LOAD}s" --latency -s "$HERE/record_exam.lua" "$URL" -- "$OUT/target-ids.txt" "$worker" "$TODAY" "$NEXT_APPOINTMENT"
  if [ "${ONLY_EXAM:-0}" = 1 ]; then stop_service; return; fi
  measure "$label-pregnancies-township" -t2 -c4 -d"${LIST_SECONDS}s" --latency -s "$HERE/get.lua" "$URL" -- "/api/pregnancies?division=$TOWNSHIP&limit=50" "$township"
  measure "$label-overdue-county" -t2 -c4 -d"${LIST_SECONDS}s" --latency -s "$HERE/get.lua" "$URL" -- "/api/overdue?division=$COUNTY" "$county"
  measure "$label-pregnancies-township-c1" -t1 -c1 -d"${LIST_SECONDS}s" --latency -s "$HERE/get.lua" "$URL" -- "/api/pregnancies?division=$TOWNSHIP&limit=50" "$township"
  measure "$label-overdue-township-c1" -t1 -c1 -d"${LIST_SECONDS}s" --latency -s "$HERE/get.lua" "$URL" -- "/api/overdue?division=$TOWNSHIP&limit=500" "$township"
  stop_service
}
# The job's memory in a fresh process (the measured run's process had served the HTTP load first): today's run and
# lists are deleted and the job run again, once as shipped (Server GC) and once with Workstation GC.
job_fresh() { # label extra-env…
  local label=$1; shift
  q -c "DELETE FROM overdue_spells WHERE from_date = '$TODAY'" -c "UPDATE overdue_spells SET until_date = 'infinity' WHERE until_date = '$TODAY'" \
    -c "DELETE FROM overdue_lists WHERE business_date = '$TODAY'" -c "DELETE FROM daily_overdue_runs WHERE business_date = '$TODAY'" \
    -c "VACUUM overdue_spells, overdue_lists" \
    -c "INSERT INTO daily_overdue_runs VALUES ('$TODAY', now(), now(), -1, 0, 0, 0, 0)" > /dev/null
  start_service "$@"   # the placeholder keeps the start-up catch-up from running the job before it is measured
  sleep 5
  q -c "DELETE FROM daily_overdue_runs WHERE business_date = '$TODAY' AND states_changed = -1" > /dev/null
  local admin before peak=0 rss t0 t1
  admin=$(python3 "$HERE/api.py" token "$URL" admin "$(awk 'NR==1{print $2}' "$OUT/accounts.txt")")
  before=$(awk '/^VmRSS/{print int($2 / 1024)}' "/proc/$SERVICE_PID/status")
  echo 5 > "/proc/$SERVICE_PID/clear_refs"
  t0=$(date +%s%N)
  curl -sf -X POST -H "Authorization: Bearer $admin" "$URL/api/admin/jobs/daily-overdue?date=$TODAY" > /dev/null
  for _ in $(seq 1 3000); do
    rss=$(awk '/^VmRSS/{print int($2 / 1024)}' "/proc/$SERVICE_PID/status"); [ "$rss" -gt "$peak" ] && peak=$rss
    [ "$(q -Atc "SELECT count(*) FROM daily_overdue_runs WHERE business_date = '$TODAY'")" = 1 ] && break
    sleep 0.1
  done
  t1=$(date +%s%N)
  log "job in a fresh process ($label): $(( (t1 - t0) / 1000000 )) ms POST → committed; RSS before $before MiB, peak $peak MiB, VmHWM $(awk '/^VmHWM/{print int($2 / 1024)}' "/proc/$SERVICE_PID/status") MiB"
  stop_service
}
section_memory() {
job_fresh server-gc
job_fresh workstation-gc DOTNET_gcServer=0
}
section_config() {
configuration shipped
configuration tuned OTEL_SDK_DISABLED=true \
  "ConnectionStrings__HighRisk=Host=$SOCK;Database=highrisk;Username=postgres;Max Auto Prepare=64;Auto Prepare Min Usages=2" \
  Logging__LogLevel__HighRisk.Infrastructure.Web.RequestLogging=Warning
}

# Only the tuned configuration, labelled: to compare two builds (APP_DIR) under the same settings.
section_tuned() {
configuration "${LABEL:-tuned}" OTEL_SDK_DISABLED=true \
  "ConnectionStrings__HighRisk=Host=$SOCK;Database=highrisk;Username=postgres;Max Auto Prepare=64;Auto Prepare Min Usages=2" \
  Logging__LogLevel__HighRisk.Infrastructure.Web.RequestLogging=Warning
}

for section in ${SECTIONS:-job list memory config}; do "section_$section"; done
log "done"
