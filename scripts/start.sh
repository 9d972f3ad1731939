#!/usr/bin/env bash
# `npm start`: on a fresh Debian machine with Node 20, installs what is missing (InfluxDB,
# node_modules), builds, then runs InfluxDB, the backend and the demo data under ./.run
# (scripts/run/main.ts). Arguments go to it: --days N, --rate N, --seed TEXT, --no-demo.
# Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-influxdb.sh
bash scripts/run/ensure-node-modules.sh
npm run build
npx tsc -p scripts/run/tsconfig.json
# exec: signals reach the Node process, which stops its children before it exits.
exec node dist-scripts/scripts/run/main.js "$@"
