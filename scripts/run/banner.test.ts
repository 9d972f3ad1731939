import { banner } from './banner';

describe('banner', () => {
  const input = {
    backendUrl: 'http://127.0.0.1:3001',
    influxUrl: 'http://127.0.0.1:8086',
    influxDatabase: 'mail_delivery',
    keys: { demo: 'demoKey0123456789abc', ops: 'opsKey0123456789abcd' },
    keysFile: '.run/keys.env',
    logFiles: ['.run/backend.log', '.run/influxdb/influxd.log'],
    tz: 'Asia/Seoul',
    dockerAvailable: false,
  };

  it('names the URLs and keys and gives copyable curl calls, an xlsx download among them', () => {
    const text = banner(input);
    expect(text).toContain('  Backend   http://127.0.0.1:3001  (OpenAPI http://127.0.0.1:3001/api/v1/openapi.json');
    expect(text).toContain('    account demo, ingest+read: demoKey0123456789abc');
    expect(text).toContain('    account ops, admin:        opsKey0123456789abcd');
    expect(text).toContain(
      '  curl -s -H "Authorization: Bearer demoKey0123456789abc" "http://127.0.0.1:3001/api/v1/stats/request-date?tz=Asia%2FSeoul&interval=1d"'
    );
    expect(text).toContain(
      '  curl -s -o request-date.xlsx -H "Authorization: Bearer demoKey0123456789abc" "http://127.0.0.1:3001/api/v1/stats/request-date?tz=Asia%2FSeoul&format=xlsx"'
    );
    expect(text).toContain('see docs/running.md');
  });

  it('tells how to start the full stack when Docker is there', () => {
    expect(banner({ ...input, dockerAvailable: true })).toContain(
      'cp .run/keys.env .env && docker compose up -d --build'
    );
  });
});
