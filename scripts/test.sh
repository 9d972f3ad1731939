#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, builds,
# checks types and lint, and runs every jest project (plugin, backend on a real InfluxDB,
# integration).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo "[test] step $1 of 8: $2"; }
step 1 "InfluxDB server"
bash scripts/ensure-influxdb.sh
step 2 "LibreOffice (opens the exported workbooks)"
bash scripts/ensure-libreoffice.sh
step 3 "npm packages (all of them: the plugin toolchain too)"
bash scripts/run/ensure-node-modules.sh full
step 4 "build (plugin into dist/, backend into dist-backend/)"
npm run build
step 5 "type check"
npm run typecheck
step 6 "type check against the lowest Grafana declared (12.3)"
bash scripts/typecheck-grafana-min.sh
step 7 "lint"
npm run lint
step 8 "tests"
npx jest --ci --maxWorkers=2 "$@"
