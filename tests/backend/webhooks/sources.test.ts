/** Webhook sources: admin only, listed without secrets, validated whole, durable, and fixed ones from WEBHOOK_SOURCES. */
import { rmSync } from 'node:fs';
import { startBackend } from '../../../backend/server';
import { testConfig, TEST_KEYS } from '../../support/backend';
import { call } from '../../support/http';
import { parseEnvironmentSources } from '../../../backend/adapters/webhooks/sourceConfig';

const fixed = parseEnvironmentSources(
  JSON.stringify({
    'env-ses': { vendor: 'ses', account: 'beta', topicArns: ['arn:aws:sns:eu-west-1:123456789012:bounces'] },
  })
);

test('PUT, GET, list, DELETE; secrets never shown; bad bodies named; non-admins refused; durable across a restart', async () => {
  const config = testConfig({ webhookSources: fixed });
  let backend = await startBackend(config, { log: () => undefined });
  const api = (path: string, init: Parameters<typeof call>[2] = {}, key: string = TEST_KEYS.admin) =>
    call(`${backend.url}/api/v1${path}`, key, init);
  try {
    const mailgun = { vendor: 'mailgun', account: 'acme', signingKey: 'key-secret-value' };
    expect(await api('/sources/mg-1', { method: 'PUT', body: mailgun })).toMatchObject({
      status: 201,
      body: { id: 'mg-1', vendor: 'mailgun', account: 'acme', origin: 'api' },
    });
    expect((await api('/sources/mg-1', { method: 'PUT', body: mailgun })).status).toBe(200);
    expect((await api('/sources/mg-1', { method: 'PUT', body: mailgun }, TEST_KEYS.acme)).status).toBe(403);
    const bad = await api('/sources/pm-1', {
      method: 'PUT',
      body: { vendor: 'postmark', account: 'acme', signingKey: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'password',
      'signingKey',
      'username',
    ]);
    expect(
      (await api('/sources/sg-1', { method: 'PUT', body: { vendor: 'sendgrid', account: 'acme', publicKey: 'nope' } }))
        .status
    ).toBe(400);
    const list = await api('/sources');
    expect(list.body).toEqual({
      sources: [
        {
          id: 'env-ses',
          vendor: 'ses',
          account: 'beta',
          topicArns: ['arn:aws:sns:eu-west-1:123456789012:bounces'],
          origin: 'environment',
        },
        { id: 'mg-1', vendor: 'mailgun', account: 'acme', origin: 'api' },
      ],
    });
    expect(JSON.stringify(list.body)).not.toContain('key-secret-value');
    expect((await api('/sources/env-ses', { method: 'DELETE' })).status).toBe(409);

    await backend.stop();
    backend = await startBackend(config, { log: () => undefined });
    expect((await api('/sources/mg-1')).body).toEqual({
      id: 'mg-1',
      vendor: 'mailgun',
      account: 'acme',
      origin: 'api',
    });
    expect((await api('/sources/mg-1', { method: 'DELETE' })).status).toBe(204);
    expect((await api('/sources/mg-1')).status).toBe(404);
    expect((await api('/sources/mg-1', { method: 'DELETE' })).status).toBe(404);
  } finally {
    await backend.stop();
    rmSync(config.dataDir, { recursive: true, force: true });
  }
});
