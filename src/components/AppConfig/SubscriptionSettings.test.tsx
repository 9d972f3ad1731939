import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { getBackendSrv } from '@grafana/runtime';
import { fakeBackendSrv } from '../../datasource/testing/fakeBackendSrv';
import { SubscriptionSettings } from './SubscriptionSettings';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: jest.fn() }));

const ACCOUNT_URL = '/api/plugin-proxy/maildelivery-maildeliveryanalytics-app/admin/api/v1/accounts/acme';
const OPEN = {
  account: 'acme',
  subscribedAt: '2026-03-15T01:00:00.000Z',
  periods: [{ subscribedAt: '2026-03-15T01:00:00.000Z', unsubscribedAt: null }],
};
const RENEWED = {
  account: 'acme',
  subscribedAt: '2026-12-01T00:00:00.000Z',
  periods: [
    { subscribedAt: '2026-03-15T01:00:00.000Z', unsubscribedAt: '2026-12-01T00:00:00.000Z' },
    { subscribedAt: '2026-12-01T00:00:00.000Z', unsubscribedAt: null },
  ],
};

function renderSettings(answers: Parameters<typeof fakeBackendSrv>[0], adminKeySet = true) {
  const backendSrv = fakeBackendSrv(answers);
  jest.mocked(getBackendSrv).mockReturnValue(backendSrv as never);
  const save = jest.fn().mockResolvedValue(undefined);
  render(
    <SubscriptionSettings
      jsonData={{ apiUrl: 'http://backend:3001', account: 'acme' }}
      adminKeySet={adminKeySet}
      save={save}
    />
  );
  return { fetch: backendSrv.fetch, save };
}

it('shows the open period read through the admin route', async () => {
  const { fetch } = renderSettings({ [ACCOUNT_URL]: { status: 200, data: OPEN } });
  expect(
    await screen.findByText('Subscribed since 2026-03-15T01:00:00.000Z: the statistics start there.')
  ).toBeInTheDocument();
  expect(fetch).toHaveBeenCalledTimes(1);
  expect(fetch.mock.calls[0][0]).toMatchObject({ url: ACCOUNT_URL, method: 'GET' });
});

it('a new period ends the open one, then starts one now', async () => {
  const { fetch } = renderSettings({
    [ACCOUNT_URL]: { status: 200, data: OPEN },
    [`${ACCOUNT_URL}/subscription`]: { status: 200, data: RENEWED },
  });
  await screen.findByText('Subscribed since 2026-03-15T01:00:00.000Z: the statistics start there.');
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Start a new subscription period now' })));
  expect(fetch.mock.calls.map(([options]) => [options.method, options.url])).toEqual([
    ['GET', ACCOUNT_URL],
    ['DELETE', `${ACCOUNT_URL}/subscription`],
    ['PUT', `${ACCOUNT_URL}/subscription`],
  ]);
  expect(
    screen.getByText('Subscribed since 2026-12-01T00:00:00.000Z: the statistics start there.')
  ).toBeInTheDocument();
});

it("says what the backend refused, in the backend's words", async () => {
  renderSettings({
    [ACCOUNT_URL]: {
      status: 403,
      data: { error: { code: 'forbidden_scope', message: 'subscription periods are managed with an admin key' } },
    },
  });
  expect(
    await screen.findByText(
      'Backend answered HTTP 403 (forbidden_scope): subscription periods are managed with an admin key'
    )
  ).toBeInTheDocument();
});

it('asks nothing of the backend before an admin key is saved, and saves the settings with the key', async () => {
  const { fetch, save } = renderSettings({}, false);
  fireEvent.change(screen.getByPlaceholderText('acme'), { target: { value: 'beta' } });
  fireEvent.change(screen.getByPlaceholderText('http://backend:3001'), { target: { value: 'http://mail:3001' } });
  const key = document.querySelector('input[type="password"]') as HTMLInputElement;
  fireEvent.change(key, { target: { value: 'adminKey0123' } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save subscription settings' })));
  expect(save).toHaveBeenCalledWith({ apiUrl: 'http://mail:3001', account: 'beta' }, { adminKey: 'adminKey0123' });
  expect(fetch).not.toHaveBeenCalled();
});
