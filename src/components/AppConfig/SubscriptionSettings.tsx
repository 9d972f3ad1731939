import React, { useEffect, useMemo, useState } from 'react';
import { getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, SecretInput, Stack, Text } from '@grafana/ui';
import type { AccountJson } from '../../../contract/apiTypes';
import { SubscriptionApi } from './subscriptionApi';

export interface SubscriptionJsonData {
  /** The backend's base URL, for the app's admin proxy route. */
  apiUrl?: string;
  /** The account whose periods this page shows. */
  account?: string;
}

export interface SubscriptionSettingsProps {
  jsonData: SubscriptionJsonData;
  /** Whether Grafana holds an admin key for the app (it never sends the key back). */
  adminKeySet: boolean;
  save(jsonData: SubscriptionJsonData, secureJsonData?: { adminKey: string }): Promise<void>;
}

function describePeriod(account: AccountJson): string {
  if (account.subscribedAt !== null) {
    return `Subscribed since ${account.subscribedAt}: the statistics start there.`;
  }
  const last = account.periods[account.periods.length - 1];
  return last
    ? `Not subscribed: the last period ended at ${last.unsubscribedAt}; the backend refuses this account's events.`
    : 'No subscription periods: the statistics start at the first event.';
}

/** The account's subscription period, and a button that starts a new one (admin key). */
export function SubscriptionSettings({ jsonData, adminKeySet, save }: SubscriptionSettingsProps) {
  const api = useMemo(() => new SubscriptionApi(getBackendSrv()), []);
  const [apiUrl, setApiUrl] = useState(jsonData.apiUrl ?? '');
  const [accountName, setAccountName] = useState(jsonData.account ?? '');
  const [adminKey, setAdminKey] = useState('');
  const [account, setAccount] = useState<AccountJson>();
  const [error, setError] = useState<string>();
  const configured = adminKeySet && Boolean(jsonData.apiUrl) && Boolean(jsonData.account);

  useEffect(() => {
    if (!configured) {
      return;
    }
    // An answer that comes after the settings changed is not shown.
    let current = true;
    api.read(jsonData.account!).then(
      (answer) => {
        if (current) {
          setAccount(answer);
          setError(undefined);
        }
      },
      (failure: Error) => {
        if (current) {
          setError(failure.message);
        }
      }
    );
    return () => {
      current = false;
    };
  }, [api, configured, jsonData.account]);

  /** Runs an action of this form; its failure is shown in place of the previous error. */
  const showingFailure = (action: () => Promise<void>) => async () => {
    try {
      await action();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const startNewPeriod = showingFailure(async () => {
    setAccount(await api.startNewPeriod(jsonData.account!, account!));
    setError(undefined);
  });

  const saveSettings = showingFailure(() =>
    save({ apiUrl, account: accountName }, adminKey ? { adminKey } : undefined)
  );

  return (
    <FieldSet label="3. Subscription period">
      <Stack direction="column" gap={1}>
        <Text>
          The statistics of an account start at its subscription, as in the mailer&apos;s console. Managing periods
          needs an API key with the admin scope; Grafana keeps it on the server and only administrators may use it.
        </Text>
        <Field label="Backend URL">
          <Input
            value={apiUrl}
            onChange={(event) => setApiUrl(event.currentTarget.value)}
            placeholder="http://backend:3001"
          />
        </Field>
        <Field label="Account">
          <Input
            value={accountName}
            onChange={(event) => setAccountName(event.currentTarget.value)}
            placeholder="acme"
          />
        </Field>
        <Field label="Admin API key">
          <SecretInput
            isConfigured={adminKeySet && adminKey === ''}
            value={adminKey}
            onChange={(event) => setAdminKey(event.currentTarget.value)}
            onReset={() => setAdminKey('')}
          />
        </Field>
        <div>
          <Button variant="secondary" onClick={saveSettings}>
            Save subscription settings
          </Button>
        </div>
        {account && (
          <>
            <Text>{describePeriod(account)}</Text>
            <div>
              <Button onClick={startNewPeriod}>Start a new subscription period now</Button>
            </div>
          </>
        )}
        {error && <Alert title="The backend did not answer as expected">{error}</Alert>}
      </Stack>
    </FieldSet>
  );
}
