import React, { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { getBackendSrv, PluginPage } from '@grafana/runtime';
import { Alert, Spinner, Stack, Text } from '@grafana/ui';
import type { Limits } from '../../contract/apiTypes';
import { BackendApi, type FetchingBackendSrv } from '../datasource/backendApi';
import { backendBaseUrl, dataSourceProxyUrl } from '../../contract/proxy';

interface Props {
  backendSrv?: FetchingBackendSrv;
  /** Leaves for the change-request page (window.location unless a test gives another). */
  navigate?: (url: string) => void;
}

type State = { state: 'loading' } | { state: 'unset' } | { state: 'failed'; message: string };

// Module-level so that its identity is stable: a default made per render would re-run the fetch effect on every render.
const leaveForUrl = (url: string) => window.location.assign(url);

/**
 * "Request a sending limit change": the sending-limit dashboard links here with its data
 * source; the page asks the backend for the account's change-request link and goes there.
 */
function LimitChangePage({ backendSrv = getBackendSrv(), navigate = leaveForUrl }: Props) {
  const { search } = useLocation();
  const dataSourceUid = new URLSearchParams(search).get('datasource')?.trim();
  const [fetched, setState] = useState<State>({ state: 'loading' });
  const state: State = dataSourceUid
    ? fetched
    : { state: 'failed', message: 'The link names no data source: the URL needs datasource=<uid>' };

  useEffect(() => {
    if (!dataSourceUid) {
      return;
    }
    const api = new BackendApi(backendBaseUrl(dataSourceProxyUrl(dataSourceUid)), backendSrv);
    api.getJson<Limits>('/api/v1/limits').then(
      (limits) => {
        if (limits.changeRequestUrl) {
          navigate(limits.changeRequestUrl);
        } else {
          setState({ state: 'unset' });
        }
      },
      (error: Error) => setState({ state: 'failed', message: error.message })
    );
  }, [dataSourceUid, backendSrv, navigate]);

  return (
    <PluginPage>
      {state.state === 'loading' && (
        // Spinner is a <div>, which a <p> cannot hold
        <Stack direction="row" alignItems="center" gap={1}>
          <Spinner inline />
          <Text>Opening the sending limit change request…</Text>
        </Stack>
      )}
      {state.state === 'unset' && (
        <Alert severity="info" title="No change-request link is configured">
          Set LIMIT_CHANGE_REQUEST_URL on the backend, or changeRequestUrl with PUT /api/v1/limits, to the page where
          your mail provider takes sending limit change requests.
        </Alert>
      )}
      {state.state === 'failed' && <Alert title="Cannot open the change request">{state.message}</Alert>}
    </PluginPage>
  );
}

export default LimitChangePage;
