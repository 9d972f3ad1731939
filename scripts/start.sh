#!/usr/bin/env bash
# `npm start`: on a fresh Debian machine with Node 20, installs what is missing, builds, and
# runs the product. With a Docker engine it starts the full stack (InfluxDB, backend, Grafana
# with the app plugin, demo generator: docker-compose.yml); without one (or with --no-docker)
# it installs only the backend's and demo's packages and runs InfluxDB, the backend and the
# demo data under ./.run (scripts/run/main.ts), taking --days N, --rate N, --seed TEXT,
# --no-demo. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
use_docker=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-docker" ]; then use_docker=0; else args+=("$arg"); fi
done
say() { echo "[start] $*"; }

# Say why a mode was chosen: a docker binary without an engine must not look like Docker mode.
if [ "$use_docker" = 0 ]; then
  say "--no-docker: running without Docker"
elif ! command -v docker >/dev/null 2>&1; then
  use_docker=0
  say "docker not found: running without Docker"
elif ! timeout 15 docker info >/dev/null 2>&1; then
  use_docker=0
  say "docker found but no engine answering: running without Docker"
fi

if [ "$use_docker" = 1 ]; then
  say "step 1 of 3: npm packages"
  bash scripts/run/ensure-node-modules.sh full
  say "step 2 of 3: build (plugin into dist/, backend into dist-backend/)"
  npm run build --silent
  if [ ! -f .env ]; then
    key() { node -e "process.stdout.write(require('crypto').randomBytes(24).toString('base64url'))"; }
    umask 077
    printf 'MDA_API_KEY=%s\nMDA_ADMIN_KEY=%s\n' "$(key)" "$(key)" > .env
    say "made API keys in .env (account demo: MDA_API_KEY, account ops: MDA_ADMIN_KEY)"
  fi
  say "step 3 of 3: docker compose up"
  trap 'docker compose down' EXIT
  docker compose up -d --build
  echo
  echo "Grafana:  http://localhost:3000 (admin / \${GRAFANA_ADMIN_PASSWORD:-admin}), app: Mail Delivery Analytics"
  echo "Backend:  http://localhost:3001/api/v1/openapi.json (keys in .env)"
  echo "Ctrl-C stops the stack (docker compose down); logs follow."
  docker compose logs -f --tail 20
  exit 0
fi

say "step 1 of 4: npm packages"
bash scripts/run/ensure-node-modules.sh runtime
# Types are checked by npm test; here tsc only emits JavaScript (noCheck: no @types needed),
# the two programs side by side.
say "step 2 of 4: build the backend and the run scripts (tsc, without type checks)"
node_modules/.bin/tsc -p scripts/run/tsconfig.emit-backend.json &
backend_build=$!
node_modules/.bin/tsc -p scripts/run/tsconfig.emit.json
wait "$backend_build"
say "step 3 of 4: InfluxDB server"
bash scripts/ensure-influxdb.sh
say "step 4 of 4: InfluxDB, the backend and the demo data"
# exec: signals reach the Node process, which stops its children in order before it exits.
exec node dist-scripts/scripts/run/main.js ${args[@]+"${args[@]}"}
