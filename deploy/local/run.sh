#!/usr/bin/env bash
# Runs HighRisk with no configuration: a private PostgreSQL cluster under .data/ in the checkout, migrations and
# seeds applied at start, the API on http://localhost:5080. Pass --demo to load synthetic demo data.
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/local/ensure-postgres.sh
exec dotnet run --project src/HighRisk.Web -c Release -- "$@"
