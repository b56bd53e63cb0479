#!/usr/bin/env bash
# Install the Debian packages named as arguments if any is missing (idempotent, quiet when
# nothing is needed). A new machine has only Python, pip and gcc; Qt's X11 platform plugin
# needs the xcb libraries below, and screenshots need a virtual display (xvfb).
set -euo pipefail
missing=()
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${missing[*]} (install them with your package manager)." >&2
  exit 0
fi
echo "Installing system packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
