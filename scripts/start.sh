#!/usr/bin/env bash
# `npm start`: on a fresh Debian machine with Node 20, installs what is missing, builds, and
# runs the product. With a Docker engine it starts the full stack (InfluxDB, backend, Grafana
# with the app plugin, demo generator: docker-compose.yml); without one (or with --no-docker)
# it runs InfluxDB, the backend and the demo data under ./.run (scripts/run/main.ts), taking
# --days N, --rate N, --seed TEXT, --no-demo. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
use_docker=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-docker" ]; then use_docker=0; else args+=("$arg"); fi
done
bash scripts/run/ensure-node-modules.sh
npm run build

if [ "$use_docker" = 1 ] && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  if [ ! -f .env ]; then
    key() { node -e "process.stdout.write(require('crypto').randomBytes(24).toString('base64url'))"; }
    umask 077
    printf 'MDA_API_KEY=%s\nMDA_ADMIN_KEY=%s\n' "$(key)" "$(key)" > .env
    echo "Made API keys in .env (account demo: MDA_API_KEY, account ops: MDA_ADMIN_KEY)."
  fi
  trap 'docker compose down' EXIT
  docker compose up -d --build
  echo
  echo "Grafana:  http://localhost:3000 (admin / \${GRAFANA_ADMIN_PASSWORD:-admin}), app: Mail Delivery Analytics"
  echo "Backend:  http://localhost:3001/api/v1/openapi.json (keys in .env)"
  echo "Ctrl-C stops the stack (docker compose down); logs follow."
  docker compose logs -f --tail 20
  exit 0
fi

bash scripts/ensure-influxdb.sh
npx tsc -p scripts/run/tsconfig.json
# exec: signals reach the Node process, which stops its children before it exits.
exec node dist-scripts/scripts/run/main.js ${args[@]+"${args[@]}"}
