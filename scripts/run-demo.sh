#!/usr/bin/env bash
# `make run`: make the demo vault of fictional data the first time, then open it:
# in the desktop app when there is a display, as a terminal summary when there is not.
# Arguments: HRADVISOR_BIN VAULT_DIR PASSPHRASE_FILE INCIDENTS
set -euo pipefail
bin=$1 vault=$2 passfile=$3 count=$4

# The summary's saved definition, reused on every run so a run adds a revision to it
# (with this PDF's hash) rather than one more definition to the Reports list.
definition_file="$(dirname "$vault")/summary-definition"

if [ ! -f "$vault/vault.key" ]; then
  mkdir -p "$(dirname "$vault")"
  rm -f "$definition_file"
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
reuse=()
if [ -s "$definition_file" ]; then
  reuse=(--definition "$(head -n1 "$definition_file")")
fi
definition=$("$bin" --vault "$vault" --passphrase-file "$passfile" report summary "${reuse[@]}" \
  --from "$first" --to "$last" --issued "$(date +%F)" --classification confidential --out "$pdf")
echo "$definition" > "$definition_file"
echo "Summary analysis (fictional data): $pdf (report definition $definition)"
echo
echo "Try, for example:"
echo "  $bin --vault $vault --passphrase-file $passfile incident list --violation killing --admin1 XA-07"
echo "  $bin --vault $vault --passphrase-file $passfile incident list --text checkpoint --json"
echo "  $bin --vault $vault --passphrase-file $passfile analyse --from $first --to $last"
echo "  $bin --vault $vault --passphrase-file $passfile export --format hxl --out incidents.hxl.csv"
echo "  $bin --vault $vault --passphrase-file $passfile vault check"
