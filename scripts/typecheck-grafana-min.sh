#!/usr/bin/env bash
# Type-checks src/ and the plugin tests against the lowest @grafana/* the plugin declares
# (plugin.json grafanaDependency ">=12.3.0"); `npm run typecheck` checks them against the
# installed 13.x. The 12.3 packages live in .ci/grafana-min/ (own package-lock.json, never the
# project's node_modules); its package.json maps @grafana/ui 12.3's GitHub-tarball dependency
# react-data-grid to the same fork published on npm (@grafana/react-data-grid), since only the
# npm registry is reachable.
set -euo pipefail
cd "$(dirname "$0")/../.ci/grafana-min"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
cd ../..
npx tsc --noEmit -p .ci/grafana-min/tsconfig.json
