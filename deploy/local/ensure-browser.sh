#!/usr/bin/env bash
# Makes sure Debian's Chromium is on this machine (/usr/bin/chromium) for the browser tests, with a Chinese font so
# that their screenshots are legible. The tests drive it with the Playwright driver shipped in the Microsoft.Playwright
# NuGet package; nothing is downloaded by Playwright itself.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  missing+=(fonts-noto-cjk)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing ${missing[*]} with apt-get for the browser tests" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
