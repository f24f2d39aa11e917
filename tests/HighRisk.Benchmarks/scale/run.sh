#!/usr/bin/env bash
# HighRisk at province scale, end to end, on this machine: a private PostgreSQL 15 cluster under /tmp with normal
# durability, the service published in Release, 1,000,000 open pregnancies bulk-loaded with SQL, then
#   start-up time to ready and RSS at rest,
#   record-exam over HTTP (wrk, fixed concurrency) beside pgbench running the same SQL transaction,
#   the daily overdue job beside the one hand-written statement that computes the same overdue set,
#   the pregnancy list and the overdue list for one township and one county,
# and prints issue 21's figures, each against its target, then the details (report.py; also written to
# $HR_BENCH_DIR/results.md, raw outputs in $HR_BENCH_DIR/out/). Installs what it needs with apt-get when missing.
#
# Usage: tests/HighRisk.Benchmarks/scale/run.sh            (about 10 minutes on 2 cores; 13 with HR_BENCH_REPEAT=2)
# Settings (environment):
#   HR_BENCH_DIR=/tmp/hr-bench      work folder (app, cluster, outputs); removed at the end except out/ and results.md
#   HR_BENCH_SOURCE=head|worktree   build the committed HEAD (a `git archive` copy, the default: other engineers'
#                                   unfinished changes in the work tree cannot break the build) or the work tree
#   HR_BENCH_PREGNANCIES=1000000    open pregnancies to load
#   HR_BENCH_SECONDS=60             record-exam and pgbench duration;  HR_BENCH_CONNECTIONS=16  HR_BENCH_THREADS=2
#   HR_BENCH_LIST_SECONDS=20        each list;  HR_BENCH_LIST_CONNECTIONS=4
#   HR_BENCH_LISTS="pregnancies_township … transfers_township"   the lists measured (default: all, see LISTS below)
#   HR_BENCH_WARMUP=90              seconds of record-exam before it is measured (not counted): .NET's tiered compilation
#                                   with dynamic PGO recompiles the hot methods for 60-70 s of load (dotnet-counters:
#                                   dotnet.jit.compiled_methods), so a shorter warm-up measures the JIT; HR_BENCH_LIST_WARMUP=10
#   HR_BENCH_REPEAT=1               repeat the HTTP measurements (record-exam + pgbench, lists) this many times
#   HR_BENCH_SOCKET=/tmp/hrb-sock   PostgreSQL's socket folder;  HR_BENCH_PORT=5099   the service's port
#   HR_BENCH_ROLES=split|all        split (the default, as deploy/ runs it): an api process (HighRisk__Role=api) takes
#                                   the HTTP load and a worker process (HighRisk__Role=worker, port+1) runs the jobs, so
#                                   the daily job's memory is the worker's; all: one process does both (the README's
#                                   local run)
#   HR_BENCH_KEEP=1                 keep the (stopped) cluster, the app and the keys for investigation; then
#                                   experiments.sh tries the recommended fixes on that database, before/after
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
B="${HR_BENCH_DIR:-/tmp/hr-bench}"
SOCK="${HR_BENCH_SOCKET:-/tmp/hrb-sock}"  # short: unix socket paths are limited to 107 bytes
PGBIN=/usr/lib/postgresql/15/bin
N="${HR_BENCH_PREGNANCIES:-1000000}"
SECONDS_LOAD="${HR_BENCH_SECONDS:-60}"
CONNS="${HR_BENCH_CONNECTIONS:-16}"
THREADS="${HR_BENCH_THREADS:-2}"
LIST_SECONDS="${HR_BENCH_LIST_SECONDS:-20}"
LIST_CONNS="${HR_BENCH_LIST_CONNECTIONS:-4}"
REPEAT="${HR_BENCH_REPEAT:-1}"
WARMUP="${HR_BENCH_WARMUP:-90}"          # record-exam's warm-up: tiered compilation settles after 60-70 s of load
LIST_WARMUP="${HR_BENCH_LIST_WARMUP:-10}"
SOURCE="${HR_BENCH_SOURCE:-head}"
PORT="${HR_BENCH_PORT:-5099}"
ROLES="${HR_BENCH_ROLES:-split}"
WORKER_PORT=$((PORT + 1))
URL="http://127.0.0.1:$PORT"
ADMIN_PASSWORD="Bench-admin-$(date +%s)"       # synthetic accounts of a throw-away database, written to out/accounts.txt
USER_PASSWORD="bench-pass-$(date +%s)"
TOWNSHIP=430302101                       # 楠竹山镇, 雨湖区, 湘潭市
COUNTY=430302                            # 雨湖区
EXAM_COUNTY=430304                       # 岳塘区: the exam load's pregnancies (the health worker at 430304-MCH)
TODAY="$(TZ=Asia/Shanghai date +%F)"
NEXT_APPOINTMENT="$(TZ=Asia/Shanghai date -d '+14 days' +%F)"
OUT="$B/out"
SERVICE_PID=""
WORKER_PID=""                            # split roles only; else the jobs run in SERVICE_PID
SAMPLER_PID=""
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)

log() { printf '[%s] %s\n' "$(date +%T)" "$*" | tee -a "$OUT/run.log" >&2; }
psqlq() { psql -h "$SOCK" -U postgres -d highrisk -v ON_ERROR_STOP=1 -qAtX "$@"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
figure() { printf '%s=%s\n' "$1" "$2" >> "$OUT/figures.env"; }

cleanup() {
  local status=$?
  set +e
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null
  local pid
  for pid in $SERVICE_PID $WORKER_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"; for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null
    fi
  done
  if [ -f "$B/pg/data/postmaster.pid" ]; then
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$B/pg/data" -m fast -w stop >/dev/null 2>&1
  fi
  if [ "${HR_BENCH_KEEP:-0}" != 1 ]; then
    rm -rf "$B/pg" "$B/src" "$B/app" "$B/data" "$SOCK"
  fi
  [ $status -ne 0 ] && echo "run.sh failed (exit $status); see $OUT/run.log and $OUT/service-*.log" >&2
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------------
# Samplers: VmRSS every 100 ms while a phase runs; VmHWM reset (clear_refs 5) at the start of each phase. Of the api
# process by default; of the process that runs the jobs (job_pid) for the daily job. Read with bash's own `read`: a
# process started ten times a second is CPU taken from what is measured.
start_sampler() { # name [pid]
  SAMPLED_PID=${2:-$SERVICE_PID}
  echo 5 > "/proc/$SAMPLED_PID/clear_refs" 2>/dev/null || true
  ( while kill -0 "$SAMPLED_PID" 2>/dev/null; do
      while read -r key value _; do [ "$key" = VmRSS: ] && { echo "$value"; break; }; done < "/proc/$SAMPLED_PID/status"; sleep 0.1
    done ) > "$OUT/rss-$1.txt" &
  SAMPLER_PID=$!
}
job_pid() { echo "${WORKER_PID:-$SERVICE_PID}"; }
stop_sampler() { # name → sets PEAK and HWM (MiB)
  kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
  local peak hwm
  peak=$(sort -n "$OUT/rss-$1.txt" | tail -1)
  hwm=$(awk '/^VmHWM/{print $2}' "/proc/$SAMPLED_PID/status")
  PEAK=$(( ${peak:-0} / 1024 )); HWM=$(( ${hwm:-0} / 1024 ))
}
# CPU accounting (clock ticks, 100 per second): the service (api and worker), every PostgreSQL process of the cluster (live backends
# plus the exited ones the postmaster has reaped), and the whole machine (/proc/stat: other engineers' work included).
service_ticks() { local pid t=0; for pid in $SERVICE_PID $WORKER_PID; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo $t; }
pg_ticks() {
  local pm total c t
  pm=$(head -1 "$B/pg/data/postmaster.pid")
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm"); do
    t=$(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0); total=$((total + ${t:-0}))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat; }   # busy idle
cpu_start() { CPU0_SVC=$(service_ticks); CPU0_PG=$(pg_ticks); read -r CPU0_BUSY CPU0_IDLE < <(machine_ticks); CPU0_T=$(date +%s%N); }
cpu_stop() { # name requests [client_seconds] → figures: cpu_<name>_{service,pg,client,others}_s, wall, *_ms_per_request
  local svc pg busy idle wall others client=${3:-0}
  svc=$(( $(service_ticks) - CPU0_SVC )); pg=$(( $(pg_ticks) - CPU0_PG ))
  read -r busy idle < <(machine_ticks); busy=$((busy - CPU0_BUSY)); idle=$((idle - CPU0_IDLE))
  wall=$(( ($(date +%s%N) - CPU0_T) / 10000000 ))
  others=$(python3 -c "print(max(0, round(($busy - $svc - $pg) / 100 - $client, 1)))")
  figure "cpu_$1_wall_s" "$(python3 -c "print(round($wall / 100, 1))")"
  figure "cpu_$1_service_s" "$(python3 -c "print(round($svc / 100, 1))")"
  figure "cpu_$1_pg_s" "$(python3 -c "print(round($pg / 100, 1))")"
  figure "cpu_$1_client_s" "$client"
  figure "cpu_$1_others_s" "$others"
  figure "cpu_$1_idle_s" "$(python3 -c "print(round($idle / 100, 1))")"
  if [ "${2:-0}" -gt 0 ]; then
    figure "cpu_$1_service_ms_per_request" "$(python3 -c "print(round($svc * 10 / $2, 2))")"
    figure "cpu_$1_pg_ms_per_request" "$(python3 -c "print(round($pg * 10 / $2, 2))")"
  fi
}
# Runs a command under bash's `time`, writing its stdout to $1 and its user+sys CPU seconds to CLIENT_S.
timed() {
  local out=$1; shift
  local TIMEFORMAT='%U %S' t
  t=$( { time "$@" > "$out" 2> "$out.err"; } 2>&1 )
  CLIENT_S=$(python3 -c "print(round(sum(map(float, '$t'.split())), 1))")
}

rss_now() { echo $(( $(awk '/^VmRSS/{print $2}' "/proc/${1:-$SERVICE_PID}/status") / 1024 )); }

# wrk output → "rps p50_ms p99_ms requests non2xx"
parse_wrk() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    n, u = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[u]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"\n\s+50%\s+(\S+)", text).group(1))
p99 = ms(re.search(r"\n\s+99%\s+(\S+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: (.*)", text)
print(f"{rps:.0f} {p50:.1f} {p99:.1f} {total} {int(bad.group(1)) if bad else 0}{' SOCKET-ERRORS' if errors else ''}")
PY
}

# ---------------------------------------------------------------------------------------------------------------
run_service() { # role port → the process, in the background
  (
    cd "$B/app"
    export ConnectionStrings__HighRisk="Host=$SOCK;Database=highrisk;Username=postgres"
    export DataFolder="$B/data" DataProtection__KeysFolder="$B/data/keys"
    export HighRisk__Role="$1" Database__MigrateOnStart=false urls="http://127.0.0.1:$2" Security__HttpsRedirect=false
    export ASPNETCORE_ENVIRONMENT=Production OTEL_SERVICE_NAME="highrisk-$1"
    export MALLOC_ARENA_MAX=2 # as deploy/Dockerfile sets it
    export Jobs__DailyOverdueCron='0 0 31 2 *' Jobs__SmsDeliveryCron='0 0 31 2 *' Jobs__MailDeliveryCron='0 0 31 2 *'
    export Jobs__AlertEscalationCron='0 0 31 2 *' Jobs__AuditRetentionCron='0 0 31 2 *'
    exec dotnet HighRisk.Web.dll >> "$OUT/service-$1.log" 2>&1
  ) &
}
wait_ready() { # url pid → 0 once /health/ready answers 200 (30 s at most)
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$1/health/ready" && return 0
    kill -0 "$2" 2>/dev/null || { log "a service process exited during start-up"; tail -30 "$OUT"/service-*.log >&2; return 1; }
    sleep 0.05
  done
  log "not ready after 30 s ($1)"; return 1
}
start_service() { # → sets SERVICE_PID (and WORKER_PID when split) and READY_MS (api start to its first 200 from /health/ready)
  local port
  for port in "$PORT" "$WORKER_PORT"; do
    if curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; then log "port $port is already in use by another process"; return 1; fi
  done
  local start now
  start=$(date +%s%N)
  if [ "$ROLES" = split ]; then
    run_service api "$PORT"; SERVICE_PID=$!
    run_service worker "$WORKER_PORT"; WORKER_PID=$!
  else
    run_service all "$PORT"; SERVICE_PID=$!
  fi
  wait_ready "$URL" "$SERVICE_PID" || return 1
  now=$(date +%s%N); READY_MS=$(( (now - start) / 1000000 ))
  [ -z "$WORKER_PID" ] || wait_ready "http://127.0.0.1:$WORKER_PORT" "$WORKER_PID"
}
stop_service() {
  local pid
  for pid in $SERVICE_PID $WORKER_PID; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
  SERVICE_PID=""; WORKER_PID=""
}

# ===============================================================================================================
rm -rf "$OUT"; mkdir -p "$OUT"; : > "$OUT/figures.env"
printf 'admin %s\nbench-worker bench-township bench-county %s\n' "$ADMIN_PASSWORD" "$USER_PASSWORD" > "$OUT/accounts.txt"
log "scale benchmark: $N open pregnancies, business date $TODAY, work folder $B, source $SOURCE, roles $ROLES"
# What the benchmark needs, installed with apt-get on a fresh Debian/Ubuntu machine (through sudo when not root):
# PostgreSQL 15 with pgbench and pg_stat_statements (Debian's postgresql-15 ships both), wrk, python3, curl, procps
# (vmstat, pgrep), util-linux (runuser, lscpu). The .NET 10 SDK is not an apt package everywhere: it must be there.
missing=()
command -v wrk >/dev/null || missing+=(wrk)
{ [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pgbench" ] && [ -f /usr/share/postgresql/15/extension/pg_stat_statements.control ]; } || missing+=(postgresql-15)
command -v psql >/dev/null || missing+=(postgresql-client-15)
command -v python3 >/dev/null || missing+=(python3)
command -v curl >/dev/null || missing+=(curl)
{ command -v vmstat >/dev/null && command -v pgrep >/dev/null; } || missing+=(procps)
{ command -v runuser >/dev/null && command -v lscpu >/dev/null; } || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "missing ${missing[*]}: run as root, or install sudo, or apt-get install ${missing[*]} first"; exit 1; }
    SUDO=(sudo)
  fi
  log "installing with apt-get: ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq >/dev/null
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { log "apt-get could not install ${missing[*]} (PostgreSQL 15 may need the PGDG repository: https://www.postgresql.org/download/linux/)"; exit 1; }
fi
command -v dotnet >/dev/null || { log "the .NET 10 SDK is needed (https://dot.net): dotnet is not on PATH"; exit 1; }
command -v pgbench >/dev/null || PATH="$PGBIN:$PATH"
{
  echo "date: $(date -u '+%F %T UTC')"; echo "commit: $(git -C "$REPO" rev-parse --short HEAD) (source: $SOURCE)"
  lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket|L2|L3|Hypervisor)'; free -g | head -2
  dotnet --info | head -12; "$PGBIN/postgres" --version; (wrk --version 2>&1 || true) | head -1; pgbench --version
} > "$OUT/machine.txt" 2>&1 || true
figure load_start "$(loadavg)"

# --- 1. build ----------------------------------------------------------------------------------------------------
log "publishing the service (Release, $SOURCE)"
rm -rf "$B/src" "$B/app" "$B/data"
if [ "$SOURCE" = head ]; then
  mkdir -p "$B/src"; git -C "$REPO" archive HEAD | tar -x -C "$B/src"; SRC="$B/src"
else
  SRC="$REPO"
fi
dotnet publish "$SRC/src/HighRisk.Web" -c Release -o "$B/app" > "$OUT/publish.log" 2>&1 || { tail -20 "$OUT/publish.log"; exit 1; }

# --- 2. cluster: normal durability (fsync, synchronous_commit, full_page_writes on), memory sized for 24 GiB ------
log "starting PostgreSQL 15 under $B/pg"
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$B/pg/data" -m immediate stop >/dev/null 2>&1 || true
rm -rf "$B/pg" "$SOCK"; mkdir -p "$B/pg" "$SOCK"
[ ${#AS_PG[@]} -gt 0 ] && chown postgres:postgres "$B/pg" "$SOCK" && chmod 700 "$B/pg" "$SOCK"
"${AS_PG[@]}" "$PGBIN/initdb" -D "$B/pg/data" --auth=trust -E UTF8 --locale=C.UTF-8 -U postgres > "$OUT/initdb.log"
cat >> "$B/pg/data/postgresql.conf" <<EOF
# scale benchmark (tests/HighRisk.Benchmarks/scale/run.sh)
listen_addresses = ''
unix_socket_directories = '$SOCK'
max_connections = 200
fsync = on
synchronous_commit = on
full_page_writes = on
shared_buffers = 2GB
effective_cache_size = 12GB
work_mem = 16MB
maintenance_work_mem = 1GB
max_wal_size = 8GB
checkpoint_timeout = 15min
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.max = 2000
track_io_timing = on
log_min_duration_statement = 1000
EOF
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$B/pg/data" -l "$B/pg/server.log" -w -t 60 start > /dev/null
"${AS_PG[@]}" "$PGBIN/createdb" -h "$SOCK" highrisk
psqlq -c "CREATE EXTENSION pg_stat_statements"

# --- 3. migrate (the deploy step) ------------------------------------------------------------------------------
log "migrating (dotnet HighRisk.Web.dll --migrate)"
( cd "$B/app" && ConnectionStrings__HighRisk="Host=$SOCK;Database=highrisk;Username=postgres" \
    DataFolder="$B/data" DataProtection__KeysFolder="$B/data/keys" Seed__AdminPassword="$ADMIN_PASSWORD" \
    dotnet HighRisk.Web.dll --migrate ) > "$OUT/migrate.log" 2>&1 || { tail -30 "$OUT/migrate.log"; exit 1; }
# Today's overdue run is marked done (a placeholder, states_changed = -1) so that the start-up catch-up does not
# run the daily job during the HTTP measurements; it is deleted before the daily job is measured.
psqlq -c "INSERT INTO daily_overdue_runs VALUES ('$TODAY', now(), now(), -1, 0, 0, 0, 0)"

# --- 4. a few women through the API: real ciphertexts and factors for the bulk rows -----------------------------
log "booking a few women through the API (accounts, ciphertexts, factors)"
start_service
python3 "$HERE/api.py" bootstrap "$URL" "$ADMIN_PASSWORD" "$USER_PASSWORD" "$TODAY" | tee -a "$OUT/run.log"
stop_service
psqlq <<'SQL'
CREATE TABLE bench_ciphers AS
SELECT row_number() OVER (ORDER BY created_at) - 1 AS k, resident_id_cipher, resident_id_masked, mobile_cipher, mobile_masked
FROM women;
CREATE TABLE bench_factors AS
SELECT DISTINCT ON (grade, purple) grade, purple, factors FROM pregnancies ORDER BY grade, purple, number;
SQL
CATALOGUE=$(psqlq -c "SELECT catalogue_version FROM pregnancies LIMIT 1")
[ "$(psqlq -c 'SELECT count(*) FROM bench_factors')" = 8 ] || { log "expected factors for 8 grade × purple combinations"; exit 1; }

# --- 5. bulk load ------------------------------------------------------------------------------------------------
log "bulk-loading $N open pregnancies (load.sql)"
figure load_during_load "$(loadavg)"
t0=$(date +%s%N)
psql -h "$SOCK" -U postgres -d highrisk -X -v ON_ERROR_STOP=1 -v today="$TODAY" -v n="$N" -v xt_per_town=2000 \
  -v catalogue="$CATALOGUE" -v policy="$(sha256sum "$SRC/seeds/policy/follow-up-policy.json" | cut -d' ' -f1)" -f "$HERE/load.sql" > "$OUT/load.log" 2>&1 || { tail -20 "$OUT/load.log"; exit 1; }
t1=$(date +%s%N)
psqlq -c "VACUUM (ANALYZE)" -c "CHECKPOINT"
t2=$(date +%s%N)
figure load_seconds "$(( (t1 - t0) / 1000000000 ))"
figure vacuum_seconds "$(( (t2 - t1) / 1000000000 ))"
psqlq -F ' ' > "$OUT/sizes.txt" <<'SQL'
SELECT relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) FROM pg_stat_user_tables
WHERE relname IN ('women', 'pregnancies', 'exams', 'grade_changes') ORDER BY relname;
SELECT 'database', 0, pg_size_pretty(pg_database_size('highrisk'));
SQL
psqlq -F ' ' > "$OUT/distribution.txt" <<SQL
SELECT 'open', count(*) FROM pregnancies WHERE status = 'Open';
SELECT 'grade ' || grade || CASE WHEN purple THEN '+purple' ELSE '' END, count(*) FROM pregnancies GROUP BY 1 ORDER BY 1;
SELECT 'state(yesterday) ' || follow_up_state, count(*) FROM pregnancies GROUP BY 1 ORDER BY 1;
SELECT 'review date today', count(*) FROM follow_up_reviews WHERE review_on <= '$TODAY';
SELECT 'county $COUNTY', count(*) FROM pregnancies WHERE township_code LIKE '$COUNTY%';
SELECT 'township $TOWNSHIP', count(*) FROM pregnancies WHERE township_code = '$TOWNSHIP';
SELECT 'median township', percentile_cont(0.5) WITHIN GROUP (ORDER BY c) FROM (SELECT count(*) c FROM pregnancies GROUP BY township_code) t;
SELECT 'exams', count(*) FROM exams;
SELECT 'exams per pregnancy', round(count(*)::numeric / (SELECT count(*) FROM pregnancies), 2) FROM exams;
SELECT 'open cases', count(*) FROM cases WHERE status = 'Open';
SELECT 'open cases, city ${COUNTY:0:4}', count(*) FROM cases WHERE status = 'Open' AND division_code LIKE '${COUNTY:0:4}%';
SELECT 'open cases, county $COUNTY', count(*) FROM cases WHERE status = 'Open' AND division_code LIKE '$COUNTY%';
SQL
cat "$OUT/sizes.txt" "$OUT/distribution.txt" | tee -a "$OUT/run.log"

# Target pregnancies for the exam load: 10,000 open pregnancies of 岳塘区, inside the health worker's scope (another
# county than the lists', so that the exams and pgbench's updates leave the measured overdue lists as they were).
psqlq <<SQL
CREATE TABLE bench_targets AS
SELECT row_number() OVER () AS n, id FROM (SELECT id FROM pregnancies WHERE township_code LIKE '$EXAM_COUNTY%' AND status = 'Open' ORDER BY random() LIMIT 10000) s;
CREATE UNIQUE INDEX ON bench_targets (n);
ANALYZE bench_targets;
SQL
psqlq -c "SELECT id FROM bench_targets ORDER BY n" > "$OUT/target-ids.txt"
NTARGETS=$(wc -l < "$OUT/target-ids.txt")

# --- 6. start-up and rest ----------------------------------------------------------------------------------------
log "starting the service: time to ready"
figure load_startup "$(loadavg)"
start_service
figure ready_ms "$READY_MS"
sleep 10
figure rss_rest_mib "$(rss_now)"
figure roles "$ROLES"
[ -z "$WORKER_PID" ] || figure rss_rest_worker_mib "$(rss_now "$WORKER_PID")"
log "ready in $READY_MS ms; RSS at rest $(rss_now) MiB$([ -z "$WORKER_PID" ] || echo ", worker $(rss_now "$WORKER_PID") MiB")"
WORKER=$(python3 "$HERE/api.py" token "$URL" bench-worker "$USER_PASSWORD")
TOWNSHIP_STAFF=$(python3 "$HERE/api.py" token "$URL" bench-township "$USER_PASSWORD")
COUNTY_STAFF=$(python3 "$HERE/api.py" token "$URL" bench-county "$USER_PASSWORD")
CITY_STAFF=$(python3 "$HERE/api.py" token "$URL" bench-city "$USER_PASSWORD")
ADMIN=$(python3 "$HERE/api.py" token "$URL" admin "$ADMIN_PASSWORD")
WORKER_ID=$(psqlq -c "SELECT id FROM staff_users WHERE user_name = 'bench-worker'")

# --- 7. record-exam: HTTP beside pgbench -------------------------------------------------------------------------
log "warming up record-exam ($WARMUP s, not counted: tiered JIT, connection pool)"
wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" --latency -s "$HERE/record_exam.lua" "$URL" -- "$OUT/target-ids.txt" "$WORKER" "$TODAY" "$NEXT_APPOINTMENT" > "$OUT/wrk-exam-warmup.txt"
for round in $(seq 1 "$REPEAT"); do
  psqlq -c "SELECT pg_stat_statements_reset()" > /dev/null
  before=$(psqlq -c "SELECT (SELECT count(*) FROM exams) || ' ' || (SELECT count(*) FROM grade_changes WHERE cause = 'Exam') || ' ' || (SELECT count(*) FROM alerts)")
  figure "load_exam_http_$round" "$(loadavg)"
  log "record-exam over HTTP: wrk -t$THREADS -c$CONNS -d${SECONDS_LOAD}s (round $round)"
  start_sampler "exam-$round"
  ( vmstat 5 > "$OUT/vmstat-exam-$round.txt" ) & VMSTAT=$!
  cpu_start
  timed "$OUT/wrk-exam-$round.txt" wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_LOAD}s" --latency -s "$HERE/record_exam.lua" "$URL" -- "$OUT/target-ids.txt" "$WORKER" "$TODAY" "$NEXT_APPOINTMENT"
  cpu_stop "exam_http_$round" "$(awk '/requests in/{print $1}' "$OUT/wrk-exam-$round.txt")" "$CLIENT_S"
  kill $VMSTAT 2>/dev/null || true
  stop_sampler "exam-$round"; peak=$PEAK; hwm=$HWM
  after=$(psqlq -c "SELECT (SELECT count(*) FROM exams) || ' ' || (SELECT count(*) FROM grade_changes WHERE cause = 'Exam') || ' ' || (SELECT count(*) FROM alerts)")
  psqlq -F $'\t' -c "SELECT calls, round(mean_exec_time::numeric, 3) AS mean_ms, round(total_exec_time::numeric) AS total_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 300) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25" > "$OUT/statements-exam-$round.tsv"
  read -r rps p50 p99 total bad < <(parse_wrk "$OUT/wrk-exam-$round.txt")
  read -r e0 g0 a0 <<< "$before"; read -r e1 g1 a1 <<< "$after"
  gc_permille=$(( (g1 - g0) * 1000 / (e1 - e0 > 0 ? e1 - e0 : 1) ))
  figure exam_connections "$CONNS"; figure "exam_http_rps_$round" "$rps"; figure "exam_http_p50_$round" "$p50"; figure "exam_http_p99_$round" "$p99"
  figure "exam_http_non2xx_$round" "$bad"; figure "exam_http_exams_$round" "$((e1 - e0))"; figure "exam_http_requests_$round" "$total"
  figure "exam_http_grade_changes_permille_$round" "$gc_permille"; figure "exam_http_alerts_$round" "$((a1 - a0))"
  figure "rss_load_peak_mib_$round" "$peak"; figure "rss_load_hwm_mib_$round" "$hwm"
  log "HTTP: $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx $bad, exams written $((e1 - e0)), grade changes ${gc_permille}‰, RSS peak $peak MiB"

  figure "load_exam_pgbench_$round" "$(loadavg)"
  log "record-exam as SQL: pgbench -c$CONNS -j$THREADS -T$SECONDS_LOAD -M extended (round $round)"
  cpu_start
  timed "$OUT/pgbench-exam-$round.txt" pgbench -h "$SOCK" -U postgres -n -c"$CONNS" -j"$THREADS" -T"$SECONDS_LOAD" -M extended -r \
    -D ntargets="$NTARGETS" -D gc_permille="$gc_permille" -f "$HERE/record_exam.pgbench.sql" highrisk
  cpu_stop "exam_pgbench_$round" "$(awk '/^number of transactions actually processed/{print $6}' "$OUT/pgbench-exam-$round.txt" | cut -d/ -f1)" "$CLIENT_S"
  tps=$(awk '/^tps = /{print int($3); exit}' "$OUT/pgbench-exam-$round.txt")
  lat=$(awk '/^latency average/{print $4}' "$OUT/pgbench-exam-$round.txt")
  figure "exam_pgbench_tps_$round" "$tps"; figure "exam_pgbench_latency_ms_$round" "$lat"
  figure "exam_ratio_pct_$round" "$(( rps * 100 / (tps > 0 ? tps : 1) ))"
  log "pgbench: $tps tps (average latency $lat ms); HTTP/pgbench = $(( rps * 100 / (tps > 0 ? tps : 1) )) %"

  figure "load_exam_pgbench_full_$round" "$(loadavg)"
  log "every statement of the HTTP request as SQL: pgbench record_exam_full (round $round)"
  cpu_start
  timed "$OUT/pgbench-exam-full-$round.txt" pgbench -h "$SOCK" -U postgres -n -c"$CONNS" -j"$THREADS" -T"$SECONDS_LOAD" -M extended -r \
    -D ntargets="$NTARGETS" -D gc_permille="$gc_permille" -D user_id="$WORKER_ID" -f "$HERE/record_exam_full.pgbench.sql" highrisk
  cpu_stop "exam_pgbench_full_$round" "$(awk '/^number of transactions actually processed/{print $6}' "$OUT/pgbench-exam-full-$round.txt" | cut -d/ -f1)" "$CLIENT_S"
  tps=$(awk '/^tps = /{print int($3); exit}' "$OUT/pgbench-exam-full-$round.txt")
  figure "exam_pgbench_full_tps_$round" "$tps"
  figure "exam_pgbench_full_latency_ms_$round" "$(awk '/^latency average/{print $4}' "$OUT/pgbench-exam-full-$round.txt")"
  figure "exam_ratio_full_pct_$round" "$(( rps * 100 / (tps > 0 ? tps : 1) ))"
  log "pgbench (every statement): $tps tps; HTTP/pgbench = $(( rps * 100 / (tps > 0 ? tps : 1) )) %"

  # The service prepares what it sends again (Npgsql's automatic preparation): the same two scripts, prepared, for reference.
  for script in core full; do
    file="$HERE/record_exam.pgbench.sql"; [ "$script" = full ] && file="$HERE/record_exam_full.pgbench.sql"
    pgbench -h "$SOCK" -U postgres -n -c"$CONNS" -j"$THREADS" -T"$SECONDS_LOAD" -M prepared \
      -D ntargets="$NTARGETS" -D gc_permille="$gc_permille" -D user_id="$WORKER_ID" -f "$file" highrisk > "$OUT/pgbench-exam-$script-prepared-$round.txt" 2>&1
    tps=$(awk '/^tps = /{print int($3); exit}' "$OUT/pgbench-exam-$script-prepared-$round.txt")
    figure "exam_pgbench_${script}_prepared_tps_$round" "$tps"
    log "pgbench ($script, -M prepared): $tps tps"
  done
done

# --- 8. the daily overdue job beside the hand-written statement --------------------------------------------------
# The wait for the run row is one statement that polls inside PostgreSQL (each check its own snapshot). Polling with a new
# psql every 100 ms (Debian's psql is a Perl wrapper) took a third of a core from the job it measured (perf, session 18).
post_job() { # queued-file max-tenths-of-a-second → POSTs today's job, waits for its run row; sets JOB_WALL_MS (POST → committed row)
  local t0 t1
  t0=$(date +%s%N)
  curl -sf -X POST -H "Authorization: Bearer $ADMIN" "$URL/api/admin/jobs/daily-overdue?date=$TODAY" > "$1"
  psqlq -c "DO \$\$ BEGIN FOR i IN 1..$2 LOOP
              EXIT WHEN EXISTS (SELECT FROM daily_overdue_runs WHERE business_date = '$TODAY'); PERFORM pg_sleep(0.1);
            END LOOP; END \$\$"
  t1=$(date +%s%N)
  JOB_WALL_MS=$(( (t1 - t0) / 1000000 ))
}
cat > "$OUT/overdue-statement.sql" <<SQL
-- The overdue set of the daily job (FollowUpStateSql) for $TODAY, as one hand-written statement over every row (policy values
-- from seeds/policy/follow-up-policy.json: grace green/yellow 7, orange/purple 3, red 1, none for a newly red woman's
-- 24-hour contact; lost after 28 days with no reached contact since the due date, two failed attempts 14 days apart,
-- or a move with no receiving facility).
SELECT count(*) FILTER (WHERE state IN ('Overdue', 'Lost')) AS overdue_or_lost, count(*) FILTER (WHERE state = 'Lost') AS lost
FROM (
    SELECT CASE
               WHEN next_due_date IS NULL THEN 'None'
               WHEN moved_away_on IS NOT NULL THEN 'Lost'
               WHEN DATE '$TODAY' - next_due_date >= 28 AND (last_contact_date IS NULL OR last_contact_date < next_due_date) THEN 'Lost'
               WHEN failed_attempts >= 2 AND last_failed_attempt - first_failed_attempt >= 14 THEN 'Lost'
               WHEN DATE '$TODAY' > next_due_date + CASE WHEN next_due_kind = 'RedContact' THEN 0 WHEN purple THEN least(grace, 3) ELSE grace END THEN 'Overdue'
               ELSE 'OnTrack'
           END AS state
    FROM (
        SELECT next_due_date, next_due_kind, last_contact_date, moved_away_on, failed_attempts, first_failed_attempt, last_failed_attempt, purple,
               CASE grade WHEN 'Red' THEN 1 WHEN 'Orange' THEN 3 WHEN 'Yellow' THEN 7 ELSE 7 END AS grace
        FROM pregnancies
        WHERE status = 'Open' OR (outcome = 'Delivery' AND next_due_date IS NOT NULL)
    ) AS due
) AS s;
SQL
statement_ms() { # runs the hand-written statement 3 times, prints "first median count"
  psql -h "$SOCK" -U postgres -d highrisk -X -q -c '\timing on' -f "$OUT/overdue-statement.sql" -f "$OUT/overdue-statement.sql" -f "$OUT/overdue-statement.sql" > "$OUT/overdue-statement-$1.txt"
  python3 - "$OUT/overdue-statement-$1.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
times = [float(t) for t in re.findall(r"Time: ([\d.]+) ms", text)]
count = re.search(r"^\s*(\d+)\s*\|\s*(\d+)\s*$", text, re.M)
print(f"{times[0]:.0f} {sorted(times)[1]:.0f} {count.group(1)}")
PY
}
figure load_job "$(loadavg)"
read -r sql_first_before sql_median_before sql_count < <(statement_ms before)
log "hand-written statement before the job: first $sql_first_before ms, median $sql_median_before ms, $sql_count overdue or lost"
psqlq -c "DELETE FROM daily_overdue_runs WHERE business_date = '$TODAY' AND states_changed = -1"
# What the morning changes, kept so that it can be undone and the same morning run again (8a).
psqlq <<SQL
CREATE TABLE bench_morning AS SELECT p.id, p.follow_up_state, r.review_on, r.revision FROM pregnancies p JOIN follow_up_reviews r ON r.pregnancy_id = p.id WHERE r.review_on <= '$TODAY';
CREATE TABLE bench_morning_cases AS SELECT c.id, c.follow_up_overdue, c.board_rank FROM cases c JOIN bench_morning b ON b.id = c.pregnancy_id;
SQL
# Every page the morning touches is then written whole to the WAL once, as on a real morning (last touched days ago).
psqlq -c "CHECKPOINT"
psqlq -c "SELECT pg_stat_statements_reset()" > /dev/null
log "daily overdue job for $TODAY (POST /api/admin/jobs/daily-overdue), the first in a worker that has just started"
figure job_rss_before_mib "$(rss_now "$(job_pid)")"
start_sampler job "$(job_pid)"
cpu_start
post_job "$OUT/job-queued.json" 6000
cpu_stop job 0
stop_sampler job; job_peak=$PEAK; job_hwm=$HWM
psqlq -F ' ' -c "SELECT round(extract(epoch FROM completed_at - started_at) * 1000), states_changed, lists, entries, states_reviewed, spells_opened, spells_closed FROM daily_overdue_runs WHERE business_date = '$TODAY'" > "$OUT/job-run.txt"
read -r job_ms job_changed job_lists job_entries job_reviewed job_opened job_closed < "$OUT/job-run.txt"
psqlq -F $'\t' -c "SELECT calls, round(mean_exec_time::numeric, 1) AS mean_ms, round(total_exec_time::numeric) AS total_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 200) FROM pg_stat_statements WHERE query NOT LIKE 'DO %' ORDER BY total_exec_time DESC LIMIT 12" > "$OUT/statements-job.tsv"
read -r sql_first_after sql_median_after _ < <(statement_ms after)
figure job_ms "$job_ms"; figure job_wall_ms "$JOB_WALL_MS"; figure job_states_changed "$job_changed"
figure job_lists "$job_lists"; figure job_entries "$job_entries"; figure job_states_reviewed "$job_reviewed"
figure job_spells_opened "$job_opened"; figure job_spells_closed "$job_closed"; figure job_rss_peak_mib "$job_peak"; figure job_rss_hwm_mib "$job_hwm"
figure job_api_rss_mib "$(rss_now)"
figure sql_overdue_count "$sql_count"; figure sql_first_before_ms "$sql_first_before"; figure sql_median_before_ms "$sql_median_before"
figure sql_median_after_ms "$sql_median_after"
log "job: $job_ms ms (completed_at − started_at), $JOB_WALL_MS ms from POST to the committed row; $job_reviewed states reviewed, $job_changed changed, $job_lists lists, $job_entries entries ($job_opened spells opened, $job_closed closed); RSS peak $job_peak MiB (HWM $job_hwm)"
log "hand-written statement after the job: median $sql_median_after ms"

# --- 8a. the same morning again, in the worker that has now run one ----------------------------------------------
# A worker runs every morning's job but the first after it starts with its code compiled (JIT) and its queries translated
# (EF Core): the first morning above pays for both. Today's run is undone and made again: the normal morning.
psqlq <<SQL
UPDATE pregnancies p SET follow_up_state = b.follow_up_state FROM bench_morning b WHERE p.id = b.id AND p.follow_up_state <> b.follow_up_state;
UPDATE follow_up_reviews r SET review_on = b.review_on, revision = b.revision FROM bench_morning b WHERE r.pregnancy_id = b.id;
UPDATE cases c SET follow_up_overdue = b.follow_up_overdue, board_rank = b.board_rank FROM bench_morning_cases b WHERE c.id = b.id;
DELETE FROM overdue_spells WHERE from_date = '$TODAY';
UPDATE overdue_spells SET until_date = 'infinity' WHERE until_date = '$TODAY';
DELETE FROM overdue_lists WHERE business_date = '$TODAY';
DELETE FROM daily_overdue_runs WHERE business_date = '$TODAY';
DELETE FROM mail_messages WHERE dedup_key LIKE '%digest:$TODAY:%';
DELETE FROM sms_messages WHERE dedup_key LIKE '%digest:$TODAY:%';
SQL
psqlq -c "VACUUM (ANALYZE) pregnancies" -c "VACUUM cases" -c "CHECKPOINT"
psqlq -c "SELECT pg_stat_statements_reset()" > /dev/null
log "daily overdue job for $TODAY again, in the worker that has run one"
start_sampler job-again "$(job_pid)"
cpu_start
post_job "$OUT/job-again-queued.json" 6000
cpu_stop job_again 0
stop_sampler job-again
psqlq -F ' ' -c "SELECT round(extract(epoch FROM completed_at - started_at) * 1000), states_changed, states_reviewed FROM daily_overdue_runs WHERE business_date = '$TODAY'" > "$OUT/job-again-run.txt"
read -r again_ms again_changed again_reviewed < "$OUT/job-again-run.txt"
psqlq -F $'\t' -c "SELECT calls, round(mean_exec_time::numeric, 1) AS mean_ms, round(total_exec_time::numeric) AS total_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 200) FROM pg_stat_statements WHERE query NOT LIKE 'DO %' ORDER BY total_exec_time DESC LIMIT 12" > "$OUT/statements-job-again.tsv"
figure job_again_ms "$again_ms"; figure job_again_wall_ms "$JOB_WALL_MS"; figure job_again_states_reviewed "$again_reviewed"
figure job_again_states_changed "$again_changed"; figure job_again_rss_peak_mib "$PEAK"; figure job_again_rss_hwm_mib "$HWM"
log "job again: $again_ms ms (completed_at − started_at), $JOB_WALL_MS ms from POST to the committed row; $again_reviewed reviewed, $again_changed changed; RSS peak $PEAK MiB (HWM $HWM)"

# --- 8b. the full run, as after a changed follow-up policy ---------------------------------------------------------
# The job re-reads every open pregnancy once when the policy's fingerprint differs from the last run's. Measured twice:
# "read" — today's run undone and the last run's fingerprint changed, so every pregnancy is read and reviewed but few
# answers change; "stale" — the worst case, every review date made stale first, so every pregnancy is also written.
full_run() { # name stale(0|1)
  local name=$1 stale=$2 ms reviewed changed entries
  log "daily overdue job, full run ($name): every open pregnancy reviewed$([ "$stale" = 1 ] && echo ' and written')"
  psqlq <<SQL
DELETE FROM mail_messages WHERE dedup_key LIKE 'digest:$TODAY:%';
DELETE FROM sms_messages WHERE dedup_key LIKE 'digest:$TODAY:%';
DELETE FROM overdue_lists WHERE business_date = '$TODAY';
DELETE FROM daily_overdue_runs WHERE business_date = '$TODAY';
UPDATE daily_overdue_runs SET policy_fingerprint = 'a-changed-policy' WHERE business_date < '$TODAY';
SQL
  if [ "$stale" = 1 ]; then
    psqlq -c "UPDATE follow_up_reviews r SET review_on = DATE '1900-01-01' FROM pregnancies p WHERE p.id = r.pregnancy_id AND (p.status = 'Open' OR (p.outcome = 'Delivery' AND p.next_due_date IS NOT NULL))"
  fi
  psqlq -c "VACUUM (ANALYZE) pregnancies, follow_up_reviews" -c "CHECKPOINT"
  figure "load_job_full_$name" "$(loadavg)"
  psqlq -c "SELECT pg_stat_statements_reset()" > /dev/null
  start_sampler "job-full-$name" "$(job_pid)"
  cpu_start
  post_job "$OUT/job-full-$name-queued.json" 12000
  cpu_stop "job_full_$name" 0
  stop_sampler "job-full-$name"
  psqlq -F $'\t' -c "SELECT calls, round(mean_exec_time::numeric, 1) AS mean_ms, round(total_exec_time::numeric) AS total_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 200) FROM pg_stat_statements WHERE query NOT LIKE 'DO %' ORDER BY total_exec_time DESC LIMIT 8" > "$OUT/statements-job-full-$name.tsv"
  psqlq -F ' ' -c "SELECT round(extract(epoch FROM completed_at - started_at) * 1000), states_reviewed, states_changed, entries FROM daily_overdue_runs WHERE business_date = '$TODAY'" > "$OUT/job-full-$name-run.txt"
  read -r ms reviewed changed entries < "$OUT/job-full-$name-run.txt"
  figure "job_full_${name}_ms" "$ms"; figure "job_full_${name}_wall_ms" "$JOB_WALL_MS"
  figure "job_full_${name}_states_reviewed" "$reviewed"; figure "job_full_${name}_states_changed" "$changed"; figure "job_full_${name}_entries" "$entries"
  figure "job_full_${name}_rss_peak_mib" "$PEAK"; figure "job_full_${name}_rss_hwm_mib" "$HWM"
  log "full run ($name): $ms ms (completed_at − started_at), $JOB_WALL_MS ms from POST to the committed row; $reviewed reviewed, $changed changed, $entries entries; RSS peak $PEAK MiB (HWM $HWM)"
}
full_run read 0
full_run stale 1
# The stale run rewrote every open pregnancy: vacuum now, as autovacuum soon would, so that the lists below are measured
# on the table as it is on a normal day and not beside autovacuum's pass over 1,000,000 dead rows (which once took the
# county pregnancy list, walking the table newest first, from p99 60 ms to 1.7 s).
psqlq -c "VACUUM (ANALYZE) pregnancies" -c "CHECKPOINT"

# --- 9. lists ----------------------------------------------------------------------------------------------------
# First pages as each client asks for them (the overdue list's default limit is 100; the township's is read whole).
declare -A LISTS=(
  [pregnancies_township]="/api/pregnancies?division=$TOWNSHIP&limit=50|$TOWNSHIP_STAFF"
  [pregnancies_county]="/api/pregnancies?division=$COUNTY&limit=50|$COUNTY_STAFF"
  [overdue_township]="/api/overdue?division=$TOWNSHIP&limit=500|$TOWNSHIP_STAFF"
  [overdue_county]="/api/overdue?division=$COUNTY|$COUNTY_STAFF"
  [cases_city]="/api/cases?limit=50|$CITY_STAFF"
  [cases_county]="/api/cases?limit=50|$COUNTY_STAFF"
  [cases_township]="/api/cases?limit=50|$TOWNSHIP_STAFF"
  [referrals_city]="/api/referrals?limit=50|$CITY_STAFF"
  [referrals_facility]="/api/referrals?limit=50|$WORKER"
  [transfers_city]="/api/transfers?limit=50|$CITY_STAFF"
  [transfers_township]="/api/transfers?limit=50|$TOWNSHIP_STAFF"
)
ALL_LISTS="pregnancies_township pregnancies_county overdue_township overdue_county cases_city cases_county cases_township referrals_city referrals_facility transfers_city transfers_township"
for name in ${HR_BENCH_LISTS:-$ALL_LISTS}; do
  path="${LISTS[$name]%%|*}"; token="${LISTS[$name]##*|}"
  curl -sf -H "Authorization: Bearer $token" "$URL$path" -o "$OUT/sample-$name.json"
  rows=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d.get('items', d.get('entries', []))))" "$OUT/sample-$name.json")
  bytes=$(stat -c %s "$OUT/sample-$name.json")
  figure "list_${name}_rows" "$rows"; figure "list_${name}_bytes" "$bytes"
  wrk -t1 -c1 -d"${LIST_WARMUP}s" -s "$HERE/get.lua" "$URL" -- "$path" "$token" > /dev/null   # warm-up
  for round in $(seq 1 "$REPEAT"); do
    figure "load_list_${name}_$round" "$(loadavg)"
    psqlq -c "SELECT pg_stat_statements_reset()" > /dev/null
    start_sampler "list-$name-$round"
    cpu_start
    timed "$OUT/wrk-$name-$round.txt" wrk -t2 -c"$LIST_CONNS" -d"${LIST_SECONDS}s" --latency -s "$HERE/get.lua" "$URL" -- "$path" "$token"
    cpu_stop "list_${name}_$round" "$(awk '/requests in/{print $1}' "$OUT/wrk-$name-$round.txt")" "$CLIENT_S"
    stop_sampler "list-$name-$round"; peak=$PEAK
    psqlq -F $'\t' -c "SELECT calls, round(mean_exec_time::numeric, 3) AS mean_ms, round(max_exec_time::numeric, 1) AS max_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 600) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 8" > "$OUT/statements-$name-$round.tsv"
    psqlq -c "SELECT query || E';\n' FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 2" > "$OUT/statements-$name-$round-full.sql"
    read -r rps p50 p99 total bad < <(parse_wrk "$OUT/wrk-$name-$round.txt")
    figure "list_${name}_rps_$round" "$rps"; figure "list_${name}_p50_$round" "$p50"; figure "list_${name}_p99_$round" "$p99"
    figure "list_${name}_non2xx_$round" "$bad"; figure "list_${name}_rss_peak_mib_$round" "$peak"
    log "$name ($rows rows, $bytes bytes): $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx $bad, RSS peak $peak MiB"
  done
done
figure rss_end_mib "$(rss_now)"
[ -z "$WORKER_PID" ] || figure rss_end_worker_mib "$(rss_now "$WORKER_PID")"
figure load_end "$(loadavg)"

# --- 10. plans of the list queries, as the service sends them ---------------------------------------------------
bash "$HERE/explain.sh" "$SOCK" "$TODAY" "$TOWNSHIP" "$COUNTY" > "$OUT/explain.txt" 2>&1 || log "explain.sh failed (see out/explain.txt)"

stop_service
python3 "$HERE/report.py" "$OUT" | tee "$B/results.md"
