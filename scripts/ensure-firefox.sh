#!/usr/bin/env bash
# The Firefox end-to-end tests drive Debian's Firefox ESR (no browser can be downloaded by a
# tool here): install it with apt-get when it is missing. apt-get update first: the current ESR
# comes from bookworm-security, which a stale package list does not know.
set -euo pipefail
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
[ -x "$FIREFOX" ] && exit 0
echo "Firefox not found at $FIREFOX: installing Debian's firefox-esr package…" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y firefox-esr
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y firefox-esr
else
  echo "Cannot install firefox-esr without root: run 'apt-get install firefox-esr' as root, or set FIREFOX_PATH." >&2
  exit 1
fi
