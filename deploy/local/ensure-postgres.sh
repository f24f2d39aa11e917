#!/usr/bin/env bash
# Makes sure the PostgreSQL 15 server binaries are on this machine (Debian/Ubuntu: the postgresql-15 package).
# HighRisk starts its own private cluster from them; it never uses or changes a system-wide PostgreSQL service.
set -euo pipefail
for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/16/bin /usr/lib/postgresql/17/bin; do
  [ -x "$dir/initdb" ] && exit 0
done
echo "PostgreSQL server binaries not found: installing postgresql-15 with apt-get" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
