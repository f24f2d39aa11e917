#!/usr/bin/env bash
# Runs every test. The tests start their own throw-away PostgreSQL cluster; nothing to configure.
# Prints one closing line "N passed, N failed" from the TRX results, so that a run that executed nothing is visible.
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/local/ensure-postgres.sh
deploy/local/ensure-browser.sh
results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test HighRisk.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?
summary=0
python3 - "$results" <<'PY' || summary=$?
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    skipped += int(c.get("notExecuted")) + int(c.get("inconclusive"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
[ "$status" -eq 0 ] || exit "$status"
exit "$summary"
