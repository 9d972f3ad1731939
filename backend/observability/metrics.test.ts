import { BackendMetrics } from './metrics';

async function values(metrics: BackendMetrics, name: string) {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((entry) => entry.name === name);
  return (metric?.values ?? []).map(({ labels, value }) => ({ labels, value }));
}

test('accepted events are counted by type, duplicates on their own', async () => {
  const metrics = new BackendMetrics(() => ({ depth: 0, ageSeconds: 0 }));
  metrics.eventsAccepted(['requested', 'result', 'requested'], 1);
  metrics.eventsAccepted(['opened'], 0);
  expect(await values(metrics, 'mda_ingested_events_total')).toEqual([
    { labels: { type: 'requested' }, value: 2 },
    { labels: { type: 'result' }, value: 1 },
    { labels: { type: 'opened' }, value: 1 },
  ]);
  expect(await values(metrics, 'mda_ingested_duplicate_events_total')).toEqual([{ labels: {}, value: 1 }]);
});

test('outbox depth and age are read at scrape time', async () => {
  let reading = { depth: 3, ageSeconds: 1.5 };
  const metrics = new BackendMetrics(() => reading);
  expect(await values(metrics, 'mda_outbox_depth')).toEqual([{ labels: {}, value: 3 }]);
  reading = { depth: 0, ageSeconds: 0 };
  expect(await values(metrics, 'mda_outbox_depth')).toEqual([{ labels: {}, value: 0 }]);
  expect(await values(metrics, 'mda_outbox_age_seconds')).toEqual([{ labels: {}, value: 0 }]);
});

test('InfluxDB writes: latency and counters on success, an error count on failure', async () => {
  const metrics = new BackendMetrics(() => ({ depth: 0, ageSeconds: 0 }));
  metrics.influxWrite(120, 0.02);
  metrics.influxWrite(0, 0, new Error('connection refused'));
  metrics.influxWrite(0, 0, new Error('connection refused'));
  expect(await values(metrics, 'mda_influxdb_written_counters_total')).toEqual([{ labels: {}, value: 120 }]);
  expect(await values(metrics, 'mda_influxdb_write_errors_total')).toEqual([{ labels: {}, value: 2 }]);
  const text = await metrics.registry.metrics();
  expect(text).toContain('mda_influxdb_write_seconds_count 1');
  expect(text).toContain('mda_influxdb_write_seconds_bucket{le="0.025"} 1');
  expect(text).toContain('mda_influxdb_write_seconds_bucket{le="0.01"} 0');
});

test('refused batches by code, queries by view, requests by route', async () => {
  const metrics = new BackendMetrics(() => ({ depth: 0, ageSeconds: 0 }));
  metrics.batchRefused('outbox_full');
  metrics.batchRefused('outbox_full');
  metrics.query('domains', 0.3);
  metrics.request('/api/v1/events', 'POST', 202);
  expect(await values(metrics, 'mda_ingest_refused_batches_total')).toEqual([
    { labels: { code: 'outbox_full' }, value: 2 },
  ]);
  const text = await metrics.registry.metrics();
  expect(text).toContain('mda_query_seconds_count{view="domains"} 1');
  expect(text).toContain('mda_http_requests_total{route="/api/v1/events",method="POST",status="202"} 1');
  expect(text).toContain('process_cpu_seconds_total');
});
