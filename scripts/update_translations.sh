#!/usr/bin/env bash
# Refresh the UI translation sources from the code, then build the .qm files the app loads.
# Run after changing UI strings; commit both the .ts and the .qm (no build step at run time).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/extract_ui_strings.py assets/i18n/parksgis_zh_CN.ts assets/i18n/parksgis_en.ts
for ts in assets/i18n/parksgis_*.ts; do
  pyside6-lrelease -silent -nounfinished "$ts" -qm "${ts%.ts}.qm"
done
ls -l assets/i18n/*.qm
