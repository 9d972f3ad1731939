#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, builds,
# checks types and lint, and runs every jest project (plugin, backend on a real InfluxDB,
# integration).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-influxdb.sh
bash scripts/ensure-libreoffice.sh
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
npm run typecheck
npm run lint
npx jest --ci --maxWorkers=2 "$@"
