#!/usr/bin/env bash
# Refresh the French catalogue from the code, then compile it (make translations).
# Strings are found in translate("Context", "text") calls under hradvisor/ui;
# existing translations are kept, strings no longer in the code are dropped.
set -euo pipefail
bin="${1:-.venv/bin}"
ts=resources/translations/hradvisor_fr.ts
mapfile -t sources < <(find hradvisor/ui -name '*.py' | sort)
"$bin/pyside6-lupdate" -locations none -no-obsolete "${sources[@]}" -ts "$ts"
"$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
