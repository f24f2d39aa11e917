# Shared by the fault suite's scripts (run.sh, failover.sh, worker_kill.sh, workers.sh, soak.sh): the helpers (log,
# psqlq, figure, val, check, pg_start), a private PostgreSQL 15 cluster with normal durability, the service published in
# Release, migrated, and started as separate OS processes. Sourced, not run. The caller sets
#   F (work folder), OUT (figures and logs), SOCK (a short socket folder), SOURCE (head|worktree), REPO
# and calls faults_cleanup from its EXIT trap. check sets FAIL=1 when its condition does not hold.
# FAULTS_APP=<folder> uses a service published there (dotnet publish src/HighRisk.Web -c Release -o <folder>) instead of
# publishing it again.
PGBIN=/usr/lib/postgresql/15/bin
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
SERVICE_PIDS=()
ADMIN_PASSWORD="Faults-admin-$(date +%s)"
USER_PASSWORD="faults-pass-$(date +%s)"
TODAY="$(TZ=Asia/Shanghai date +%F)"

log() { printf '[%s] %s\n' "$(date +%T)" "$*" | tee -a "$OUT/run.log" >&2; }
psqlq() { psql -h "$SOCK" -U postgres -d highrisk -v ON_ERROR_STOP=1 -qAtX "$@"; }
figure() { printf '%s=%s\n' "$1" "$2" >> "$OUT/figures.env"; }
val() { grep "^$1=" "$OUT/figures.env" | tail -1 | cut -d= -f2-; }
check() { if eval "$2"; then log "held: $1"; else log "FAILED: $1"; FAIL=1; fi; }
# pg_start [DATA]: starts the cluster in DATA (default $F/pg/data), its log next to DATA.
pg_start() { local data="${1:-$F/pg/data}"; "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$data" -l "$data/../server.log" -w -t 120 start > /dev/null; }

faults_prepare() {
  rm -rf "$OUT"; mkdir -p "$OUT"; : > "$OUT/figures.env"
  for tool in curl psql python3; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
  [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL 15 server binaries are needed in $PGBIN" >&2; exit 1; }
  figure date "$(date -u '+%F %T UTC')"
  figure commit "$(git -C "$REPO" rev-parse --short HEAD)$([ "$SOURCE" = worktree ] && ! git -C "$REPO" diff --quiet HEAD && echo '+worktree')"
}

faults_publish() {
  rm -rf "$F/src" "$F/app" "$F/data"
  if [ -n "${FAULTS_APP:-}" ]; then
    log "using the service already published in $FAULTS_APP (FAULTS_APP)"; mkdir -p "$F"; ln -s "$FAULTS_APP" "$F/app"; return
  fi
  log "publishing the service (Release, $SOURCE)"
  local src="$REPO"
  if [ "$SOURCE" = head ]; then mkdir -p "$F/src"; git -C "$REPO" archive HEAD | tar -x -C "$F/src"; src="$F/src"; fi
  dotnet publish "$src/src/HighRisk.Web" -c Release -o "$F/app" > "$OUT/publish.log" 2>&1 || { tail -20 "$OUT/publish.log"; exit 1; }
}

faults_cluster() {
  log "starting PostgreSQL 15 under $F/pg (fsync and synchronous_commit on)"
  rm -rf "$F/pg" "$SOCK"; mkdir -p "$F/pg" "$SOCK"
  [ ${#AS_PG[@]} -gt 0 ] && chown postgres:postgres "$F/pg" "$SOCK" && chmod 700 "$F/pg" "$SOCK"
  "${AS_PG[@]}" "$PGBIN/initdb" -D "$F/pg/data" --auth=trust -E UTF8 --locale=C.UTF-8 -U postgres > "$OUT/initdb.log"
  cat >> "$F/pg/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$SOCK'
max_connections = 300
fsync = on
synchronous_commit = on
full_page_writes = on
CONF
  pg_start
  "${AS_PG[@]}" "$PGBIN/createdb" -h "$SOCK" -U postgres highrisk
  log "migrating (dotnet HighRisk.Web.dll --migrate)"
  ( cd "$F/app" && ConnectionStrings__HighRisk="Host=$SOCK;Database=highrisk;Username=postgres" \
      DataFolder="$F/data" DataProtection__KeysFolder="$F/data/keys" Seed__AdminPassword="$ADMIN_PASSWORD" \
      dotnet HighRisk.Web.dll --migrate ) > "$OUT/migrate.log" 2>&1 || { tail -30 "$OUT/migrate.log"; exit 1; }
}

# faults_service NAME ROLE PORT [KEY=VALUE ...]: one service process (its own OS process) on the cluster, logging to
# $OUT/NAME.log; extra settings as environment variables. Its pid is appended to SERVICE_PIDS and echoed in $OUT/NAME.pid.
faults_service() {
  local name="$1" role="$2" port="$3"; shift 3
  if curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; then log "port $port is already in use"; exit 1; fi
  (
    cd "$F/app"
    export ConnectionStrings__HighRisk="Host=$SOCK;Database=highrisk;Username=postgres"
    export DataFolder="$F/data" DataProtection__KeysFolder="$F/data/keys"
    export HighRisk__Role="$role" Database__MigrateOnStart=false urls="http://127.0.0.1:$port" Security__HttpsRedirect=false
    export ASPNETCORE_ENVIRONMENT=Production Logging__Console__FormatterName=simple
    for setting in "$@"; do export "${setting?}"; done
    exec dotnet HighRisk.Web.dll >> "$OUT/$name.log" 2>&1
  ) &
  SERVICE_PIDS+=("$!")
  echo "$!" > "$OUT/$name.pid"
}

# faults_ready PORT PID: waits (60 s at most) for /health/ready.
faults_ready() {
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$1/health/ready" && return 0
    kill -0 "$2" 2>/dev/null || { log "the service on port $1 died"; exit 1; }
    sleep 0.1
  done
  log "the service on port $1 is not ready"; exit 1
}

# faults_stop PID...: SIGTERM (a graceful stop), SIGKILL after 5 s.
faults_stop() {
  local pid
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for pid in "$@"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

faults_cleanup() {
  set +e
  faults_stop "${SERVICE_PIDS[@]}"
  [ -f "$F/pg/data/postmaster.pid" ] && "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$F/pg/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$F/pg" "$F/src" "$F/app" "$F/data" "${SOCK:-}"
}
