#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, builds,
# checks types and lint, and runs every jest project (plugin, backend on a real InfluxDB,
# integration).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-influxdb.sh
bash scripts/ensure-libreoffice.sh
bash scripts/run/ensure-node-modules.sh
npm run build
npm run typecheck
bash scripts/typecheck-grafana-min.sh
npm run lint
npx jest --ci --maxWorkers=2 "$@"
