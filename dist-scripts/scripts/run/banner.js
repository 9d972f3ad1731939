"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.banner = banner;
function banner(input) {
    const { backendUrl: url, keys, tz } = input;
    const auth = `-H "Authorization: Bearer ${keys.demo}"`;
    const zone = `tz=${encodeURIComponent(tz)}`;
    const lines = [
        'Mail delivery analytics is running.',
        `  Backend   ${url}  (OpenAPI ${url}/api/v1/openapi.json, health ${url}/healthz, ${url}/readyz)`,
        `  InfluxDB  ${input.influxUrl}  database ${input.influxDatabase}`,
        `  Keys      (kept in ${input.keysFile}, mode 600)`,
        `    account demo, ingest+read: ${keys.demo}`,
        `    account ops, admin:        ${keys.ops}`,
        `  Logs      ${input.logFiles.join(', ')}`,
        '',
        'Try:',
        `  curl -s ${auth} "${url}/api/v1/stats/request-date?${zone}&interval=1d"`,
        `  curl -s ${auth} "${url}/api/v1/stats/domains?${zone}&top=5"`,
        `  curl -s ${auth} "${url}/api/v1/stats/sending-limit?${zone}"`,
        `  curl -s -o request-date.xlsx ${auth} "${url}/api/v1/stats/request-date?${zone}&format=xlsx"`,
        `  curl -s -o statistics.xlsx ${auth} "${url}/api/v1/export?views=request-date,send-date,domains,result-codes,sending-limit&${zone}"`,
        '',
        input.dockerAvailable
            ? 'Docker is available: `cp .run/keys.env .env && docker compose up -d --build` starts the full stack with Grafana on http://localhost:3000.'
            : 'Grafana with the app plugin runs in Docker: see docs/running.md ("With Docker").',
        'Ctrl-C stops everything started here.',
    ];
    return lines.join('\n');
}
