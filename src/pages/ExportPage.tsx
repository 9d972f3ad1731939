import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { dateTimeFormat } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, Spinner, Stack, Text } from '@grafana/ui';
import { FILTER_LABELS, type FilterKey } from '../../contract/views';
import { saveFile } from '../extensions/saveFile';
import { fetchWorkbook } from '../extensions/workbookDownload';
import { exportPageRequest, type ExportPageRequest } from './exportPageRequest';

interface Props {
  /** Fetches the workbook (through Grafana's backend service unless a test gives another). */
  download?: (url: string) => Promise<Blob>;
  save?: (blob: Blob, fileName: string) => void;
}

type Progress = { state: 'downloading' } | { state: 'saved' } | { state: 'failed'; message: string };

function parse(search: string): { request?: ExportPageRequest; error?: string } {
  try {
    return { request: exportPageRequest(new URLSearchParams(search)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function Summary({ request }: { request: ExportPageRequest }) {
  const time = (ms: number) => dateTimeFormat(ms, { timeZone: request.tz, format: 'YYYY-MM-DD HH:mm' });
  const filters = Object.entries(request.filters) as Array<[FilterKey, string[]]>;
  return (
    <dl>
      <dt>Views</dt>
      <dd>{request.viewTitles.join(', ')}</dd>
      <dt>Range</dt>
      <dd>
        {time(request.from)} – {time(request.to)} ({request.tz})
      </dd>
      <dt>Filters</dt>
      <dd>
        {filters.length === 0
          ? 'none'
          : filters.map(([key, values]) => `${FILTER_LABELS[key]}: ${values.join(' | ')}`).join('; ')}
      </dd>
    </dl>
  );
}

/** Downloads every chosen view as one workbook: opened by the dashboards' "Download all views (Excel)" link. */
function ExportPage({ download = fetchWorkbook, save = saveFile }: Props) {
  const { search } = useLocation();
  const { request, error } = useMemo(() => parse(search), [search]);
  const [progress, setProgress] = useState<Progress>({ state: 'downloading' });
  const started = useRef<string | undefined>(undefined);

  const run = useCallback(async () => {
    if (!request) {
      return;
    }
    setProgress({ state: 'downloading' });
    try {
      save(await download(request.url), request.fileName);
      setProgress({ state: 'saved' });
    } catch (failure) {
      setProgress({ state: 'failed', message: failure instanceof Error ? failure.message : String(failure) });
    }
  }, [request, download, save]);

  useEffect(() => {
    // Once per link, also under React's double-invoked effects in development.
    if (request && started.current !== request.url) {
      started.current = request.url;
      void run();
    }
  }, [request, run]);

  if (!request) {
    return (
      <PluginPage>
        <Alert severity="error" title="This export link cannot be used">
          {error}
        </Alert>
      </PluginPage>
    );
  }
  return (
    <PluginPage>
      <Stack direction="column" gap={2}>
        <Text element="h2">{request.fileName}</Text>
        <Summary request={request} />
        {progress.state === 'downloading' && (
          <Text>
            <Spinner inline /> Preparing the workbook… large ranges take a few seconds.
          </Text>
        )}
        {progress.state === 'saved' && (
          <Alert severity="success" title="Workbook saved">
            Your browser saved {request.fileName}.
          </Alert>
        )}
        {progress.state === 'failed' && (
          <Alert severity="error" title="Export failed">
            {progress.message}
          </Alert>
        )}
        {progress.state !== 'downloading' && (
          <div>
            <Button icon="file-download" variant="secondary" onClick={() => void run()}>
              {progress.state === 'failed' ? 'Try again' : 'Download again'}
            </Button>
          </div>
        )}
      </Stack>
    </PluginPage>
  );
}

export default ExportPage;
