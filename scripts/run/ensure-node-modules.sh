#!/usr/bin/env bash
# Installs the npm packages of package-lock.json that are missing, at the locked versions.
#   ensure-node-modules.sh full     everything: plugin toolchain, tests (npm test, npm run build, Docker)
#   ensure-node-modules.sh runtime  only "dependencies": the backend, the demo and tsc (npm start without Docker)
# A full install serves both; a runtime install is completed by `npm ci` when `full` is asked for.
set -euo pipefail
cd "$(dirname "$0")/../.."
want=${1:-full}
have=$(node scripts/run/installState.js)
if [ "$have" = full ] || [ "$have" = "$want" ]; then
  echo "npm packages: up to date ($have install)"
  exit 0
fi
# Packages the lock requires (optional platform binaries come on top where they fit).
locked=$(node -e "const all=Object.entries(require('./package-lock.json').packages).filter(([path,e])=>path&&!e.optional&&!e.devOptional);console.log((process.argv[1]==='runtime'?all.filter(([,e])=>!e.dev):all).length)" "$want")
if [ "$want" = runtime ]; then
  echo "npm packages: installing the $locked the backend and demo need (npm ci --omit=dev; the Grafana plugin toolchain comes with npm test or npm run build)"
  echo "npm packages: about 3 minutes on 2 cores, most of it compiling better-sqlite3; npm prints one line at the end"
  npm ci --omit=dev --no-audit --no-fund
else
  echo "npm packages: installing all $locked and the optional ones this platform needs (npm ci): 2 to 5 minutes on 2 cores, more on a busy machine; npm prints one line at the end"
  npm ci --no-audit --no-fund
fi
