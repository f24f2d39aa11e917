#!/usr/bin/env bash
# HighRisk fault suite (issue 22 item 5), every part in one command; each part's own command keeps working alone.
#   a  run.sh          PostgreSQL killed with SIGKILL under exam load, restarted
#   b  failover.sh     the primary killed, the synchronous standby promoted
#   c  dotnet test     SMS gateway down 30 s and a simulated hour, failing every way (Faults.GatewayFailureTests)
#   d  worker_kill.sh  the worker process killed with SIGKILL between a send and its record (webhook, Alibaba Cloud)
#   d  dotnet test     the same, simulated in process (Faults.WorkerCrashTests)
#   e  workers.sh      one API and two worker processes on one database
#   f  dotnet test     10,000 malformed requests over every operation (Faults.MalformedRequestTests)
#   g  soak.sh         30 minutes at a fixed rate: only with FAULTS_SOAK=1
# The service is published once (Release, the committed HEAD unless FAULTS_SOURCE=worktree; FAULTS_APP=<folder> reuses
# one published before) and every script part runs it; the dotnet-test parts build the work tree's test project.
# Prints one table (part, result, figures, minutes) and exits non-zero when any part failed. Each part's log is in
# $FAULTS_ALL_DIR (default /tmp/hr-all), its figures in its own out/ folder.
#
# Usage: tests/faults/all.sh               (about 50 minutes without the soak on 2 cores; FAULTS_SOAK=1 adds about 35)
# Settings: FAULTS_PARTS="a b c d-kill d e f" (a subset, in that order; g with FAULTS_SOAK=1)
#           HIGHRISK_FAULT_REQUESTS=10000 (f)  and each part's own settings (see its script)
set -Euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
ALL="${FAULTS_ALL_DIR:-/tmp/hr-all}"
PARTS="${FAULTS_PARTS:-a b c d-kill d e f}"
[ "${FAULTS_SOAK:-0}" = 1 ] && PARTS="$PARTS g"
export FAULTS_SOURCE="${FAULTS_SOURCE:-head}"
export HIGHRISK_FAULT_REQUESTS="${HIGHRISK_FAULT_REQUESTS:-10000}"
rm -rf "$ALL/results"; mkdir -p "$ALL/results"
: > "$ALL/table.tsv"
say() { printf '[%s] %s\n' "$(date +%T)" "$*" | tee -a "$ALL/all.log" >&2; }
fig() { grep "^$2=" "$1/figures.env" 2>/dev/null | tail -1 | cut -d= -f2-; }
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$ALL/table.tsv"; }

say "fault suite: parts $PARTS; commit $(git -C "$REPO" rev-parse --short HEAD), source $FAULTS_SOURCE"
if [ -z "${FAULTS_APP:-}" ] && [[ " $PARTS " =~ \ (a|b|d-kill|e|g)\  ]]; then
  say "publishing the service once (Release, $FAULTS_SOURCE)"
  rm -rf "$ALL/src" "$ALL/app"
  src="$REPO"
  if [ "$FAULTS_SOURCE" = head ]; then mkdir -p "$ALL/src"; git -C "$REPO" archive HEAD | tar -x -C "$ALL/src"; src="$ALL/src"; fi
  dotnet publish "$src/src/HighRisk.Web" -c Release -o "$ALL/app" > "$ALL/publish.log" 2>&1 || { tail -20 "$ALL/publish.log"; exit 1; }
  export FAULTS_APP="$ALL/app"
fi
if [[ " $PARTS " =~ \ (c|d|f)\  ]]; then
  "$REPO/deploy/local/ensure-postgres.sh"
  say "building the test project (Release, work tree)"
  dotnet build "$REPO/tests/HighRisk.Web.Tests" -c Release > "$ALL/build.log" 2>&1 || { tail -20 "$ALL/build.log"; exit 1; }
fi

script_part() {   # script_part PART SCRIPT OUT_DIR WHAT: runs a script, then summarises its figures
  local part=$1 script=$2 out=$3 what=$4 started status figures
  started=$(date +%s)
  say "part $part: $script"
  "$HERE/$script" > "$ALL/$part.log" 2>&1; status=$?
  case "$part" in
    a) figures="acknowledged $(fig "$out" acknowledged), missing $(fig "$out" acknowledged_missing); outage $(fig "$out" outage_503_with_code)/$(fig "$out" outage_requests) × 503; first 201 $(fig "$out" first_201_after_restart_s) s after restart; error lines $(fig "$out" log_error_lines)" ;;
    b) figures="standby $(fig "$out" standby_sync_state); acknowledged $(fig "$out" acknowledged), missing $(fig "$out" acknowledged_missing); gap $(fig "$out" outage_503_with_code)/$(fig "$out" outage_requests) × 503; first 201 $(fig "$out" first_201_after_promotion_s) s after promotion" ;;
    d-kill) figures=""
      for p in webhook aliyun; do
        [ -n "$(fig "$out" "${p}_messages")" ] && figures+="$p: $(fig "$out" "${p}_handset_once")/$(fig "$out" "${p}_messages") once, $(fig "$out" "${p}_handset_duplicates") duplicates, $(fig "$out" "${p}_lost") lost, all sent $(fig "$out" "${p}_all_sent_s_after_kill") s after the kill; "
      done ;;
    e) figures="daily runs for today $(fig "$out" daily_runs_for_today) of $(fig "$out" daily_job_executions) executions; gateway $(fig "$out" gateway_requests) for $(fig "$out" sms_outbox) SMS, repeated $(fig "$out" gateway_repeated_keys), lost $(fig "$out" outbox_not_at_gateway)" ;;
    g) figures="$(fig "$out" requests) requests, $(fig "$out" errors) errors, RSS spread $(fig "$out" rss_spread_pct) %" ;;
  esac
  row "$part" "$what" "$([ $status = 0 ] && echo passed || echo "FAILED ($status)")" "$figures" "$(( ($(date +%s) - started + 30) / 60 ))"
}

test_part() {   # test_part PART CLASS WHAT: runs one fault test class of the test project
  local part=$1 class=$2 what=$3 started status figures
  started=$(date +%s)
  say "part $part: dotnet test --filter FullyQualifiedName~Faults.$class"
  dotnet test "$REPO/tests/HighRisk.Web.Tests" -c Release --no-build --filter "FullyQualifiedName~Faults.$class" \
    --logger trx --logger "console;verbosity=normal" --results-directory "$ALL/results/$part" > "$ALL/$part.log" 2>&1; status=$?
  figures="$(python3 - "$ALL/results/$part" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)
PY
)" || status=1
  case "$part" in
    f) figures+="; $(grep -o '[0-9]* malformed requests.*tables counted' "$ALL/$part.log" | head -1)" ;;
    c) figures+="; $(grep -c 'part c:' "$ALL/$part.log") cases printed, red alerts sent at most $(grep -o 'last sent [0-9]* s' "$ALL/$part.log" | awk '{ if ($3 > m) m = $3 } END { print m + 0 }') s after recovery" ;;
  esac
  row "$part" "$what" "$([ $status = 0 ] && echo passed || echo "FAILED ($status)")" "$figures" "$(( ($(date +%s) - started + 30) / 60 ))"
}

for part in $PARTS; do
  case "$part" in
    a) script_part a run.sh "${FAULTS_DIR:-/tmp/hr-faults}/out" "PostgreSQL SIGKILL under load" ;;
    b) script_part b failover.sh "${FAILOVER_DIR:-/tmp/hr-failover}/out" "failover to the synchronous standby" ;;
    c) test_part c GatewayFailureTests "SMS gateway down 30 s and 1 h" ;;
    d-kill) script_part d-kill worker_kill.sh "${KILL_DIR:-/tmp/hr-kill}/out" "worker SIGKILL between send and record" ;;
    d) test_part d WorkerCrashTests "worker killed, simulated in process" ;;
    e) script_part e workers.sh "${WORKERS_DIR:-/tmp/hr-workers}/out" "one API and two workers" ;;
    f) test_part f MalformedRequestTests "$HIGHRISK_FAULT_REQUESTS malformed requests" ;;
    g) script_part g soak.sh "${SOAK_DIR:-/tmp/hr-soak}/out" "soak at a fixed rate" ;;
    *) say "unknown part $part"; row "$part" "unknown" "FAILED" "" 0 ;;
  esac
done
rm -rf "$ALL/src" "$ALL/app"

echo
echo "fault suite at $(git -C "$REPO" rev-parse --short HEAD), $(date -u '+%F %H:%M UTC'); logs in $ALL"
printf '| part | what | result | figures | min |\n|---|---|---|---|---|\n'
while IFS=$'\t' read -r part what result figures minutes; do
  printf '| %s | %s | %s | %s | %s |\n' "$part" "$what" "$result" "$figures" "$minutes"
done < "$ALL/table.tsv"
! grep -q $'\tFAILED' "$ALL/table.tsv"
