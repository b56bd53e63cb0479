#!/usr/bin/env bash
# `make run`: make the demo vault of fictional data the first time, then show it.
# Arguments: HRADVISOR_BIN VAULT_DIR PASSPHRASE_FILE INCIDENTS
set -euo pipefail
bin=$1 vault=$2 passfile=$3 count=$4

if [ ! -f "$vault/vault.key" ]; then
  mkdir -p "$(dirname "$vault")"
  echo "Creating a demo vault of $count fictional incidents in $vault ..."
  "$bin" demo --vault "$vault" --save-passphrase "$passfile" --incidents "$count"
  echo
else
  echo "Demo vault: $vault (passphrase in $passfile — demo only)."
fi

"$bin" --vault "$vault" --passphrase-file "$passfile" vault info
echo
"$bin" --vault "$vault" --passphrase-file "$passfile" incident list --limit 15
echo
echo "The desktop application is not part of this version yet. Try, for example:"
echo "  $bin --vault $vault --passphrase-file $passfile incident list --violation killing --admin1 XA-07"
echo "  $bin --vault $vault --passphrase-file $passfile incident list --text checkpoint --json"
echo "  $bin --vault $vault --passphrase-file $passfile vault check"
