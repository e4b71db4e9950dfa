#!/usr/bin/env bash
# The end-to-end tests and the demo drive Debian's Chromium (no browser can be downloaded by a
# tool here): install it with apt-get when it is missing.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
echo "Chromium not found at $CHROMIUM: installing Debian's chromium package…" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
else
  echo "Cannot install chromium without root: run 'apt-get install chromium' as root, or set CHROMIUM_PATH." >&2
  exit 1
fi
