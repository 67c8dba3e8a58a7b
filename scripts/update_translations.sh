#!/usr/bin/env bash
# Refresh the UI translation sources from the code, then build the .qm files the app loads.
# Run after changing UI strings; commit both the .ts and the .qm (no build step at run time).
# pyside6-lupdate keeps every existing translation, adds new strings as unfinished and marks
# strings gone from the code vanished; pyside6-lrelease leaves unfinished ones out of the .qm.
set -euo pipefail
cd "$(dirname "$0")/.."
pyside6-lupdate -extensions py parksgis -ts assets/i18n/parksgis_zh_CN.ts assets/i18n/parksgis_en.ts
# lupdate takes a Python "#:" comment for a note to the translator and hangs it on the next tr()
# call; ours are attribute docs, so they are dropped rather than shown beside unrelated texts.
sed -i '/<extracomment>.*<\/extracomment>/d' assets/i18n/parksgis_zh_CN.ts assets/i18n/parksgis_en.ts
for ts in assets/i18n/parksgis_*.ts; do
  pyside6-lrelease -silent -nounfinished "$ts" -qm "${ts%.ts}.qm"
done
ls -l assets/i18n/*.qm
