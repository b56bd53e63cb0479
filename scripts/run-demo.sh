#!/usr/bin/env bash
# `make run`: make the demo vault of fictional data the first time, then open it:
# in the desktop app when there is a display, as a terminal summary when there is not.
# Arguments: HRADVISOR_BIN VAULT_DIR PASSPHRASE_FILE INCIDENTS
set -euo pipefail
bin=$1 vault=$2 passfile=$3 count=$4

if [ ! -f "$vault/vault.key" ]; then
  mkdir -p "$(dirname "$vault")"
  echo "Creating a demo vault of $count fictional incidents in $vault ..."
  "$bin" demo --vault "$vault" --save-passphrase "$passfile" --incidents "$count"
  echo
else
  echo "Demo vault: $vault — passphrase (demo only): $(head -n1 "$passfile")"
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening the desktop app; unlock it with the demo passphrase above."
  exec "$bin" --vault "$vault"
fi

echo "No display here, so the desktop app cannot open; doing its main job in the terminal."
echo "To see the window without a screen: apt-get install -y xvfb, then"
echo "  xvfb-run -a $bin --vault $vault      (or run 'make run' on a desktop)"
echo
"$bin" --vault "$vault" --passphrase-file "$passfile" vault info
echo
"$bin" --vault "$vault" --passphrase-file "$passfile" incident list --limit 10
echo
# The summary analysis for the RC/UNCT, for the last three complete months.
first=$(date -d "$(date +%Y-%m-01) -3 months" +%F)
last=$(date -d "$(date +%Y-%m-01) -1 day" +%F)
pdf="$(dirname "$vault")/summary-analysis.pdf"
echo "Writing the summary analysis for $first to $last ..."
"$bin" --vault "$vault" --passphrase-file "$passfile" report summary \
  --from "$first" --to "$last" --classification confidential --out "$pdf"
echo "Summary analysis (fictional data): $pdf"
echo
echo "Try, for example:"
echo "  $bin --vault $vault --passphrase-file $passfile incident list --violation killing --admin1 XA-07"
echo "  $bin --vault $vault --passphrase-file $passfile incident list --text checkpoint --json"
echo "  $bin --vault $vault --passphrase-file $passfile analyse --from $first --to $last"
echo "  $bin --vault $vault --passphrase-file $passfile export --format hxl --out incidents.hxl.csv"
echo "  $bin --vault $vault --passphrase-file $passfile vault check"
