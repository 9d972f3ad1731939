import React, { useMemo, useState } from 'react';
import { getTimeZones, type DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Combobox, Field, FieldSet, Input, SecretInput } from '@grafana/ui';
import type { MailDataSourceOptions, MailSecureJsonData } from '../types';
import { backendUrlProblem, timeZoneProblem } from './configValidation';

type Props = DataSourcePluginOptionsEditorProps<MailDataSourceOptions, MailSecureJsonData>;

/** Where the backend is, the account's API key (kept on the Grafana server), the default time zone. */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const { jsonData, secureJsonFields } = options;
  const secureJsonData: MailSecureJsonData = options.secureJsonData ?? {};
  const zoneOptions = useMemo(() => getTimeZones().map((zone) => ({ value: zone })), []);
  const [rejectedZone, setRejectedZone] = useState<string>();
  const urlProblem = backendUrlProblem(jsonData.apiUrl);
  const zoneProblem = timeZoneProblem(rejectedZone);

  const setJsonData = (patch: Partial<MailDataSourceOptions>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });

  const setDefaultTimeZone = (zone: string | undefined) => {
    if (timeZoneProblem(zone)) {
      setRejectedZone(zone);
      return;
    }
    setRejectedZone(undefined);
    setJsonData({ defaultTimeZone: zone });
  };

  return (
    <FieldSet label="Backend">
      <Field
        label="Backend URL"
        description="Base URL of the mail delivery analytics backend as the Grafana server reaches it"
        invalid={Boolean(urlProblem)}
        error={urlProblem}
        required
      >
        <Input
          id="mda-api-url"
          width={60}
          value={jsonData.apiUrl ?? ''}
          placeholder="http://mail-analytics-backend:3001"
          onChange={(event) => setJsonData({ apiUrl: event.currentTarget.value.trim() })}
        />
      </Field>
      <Field
        label="API key"
        description="A key with the read scope for your account; Grafana adds it to every request and never sends it to browsers"
        required
      >
        <SecretInput
          id="mda-api-key"
          width={60}
          isConfigured={Boolean(secureJsonFields?.apiKey)}
          value={secureJsonData.apiKey ?? ''}
          placeholder="API key"
          onChange={(event) =>
            onOptionsChange({ ...options, secureJsonData: { ...secureJsonData, apiKey: event.currentTarget.value } })
          }
          onReset={() =>
            onOptionsChange({
              ...options,
              secureJsonFields: { ...secureJsonFields, apiKey: false },
              secureJsonData: { ...secureJsonData, apiKey: '' },
            })
          }
        />
      </Field>
      <Field
        label="Default time zone"
        description="Days are counted in the dashboard's time zone; this one applies when the dashboard names none. Empty: the backend's default"
        invalid={Boolean(zoneProblem)}
        error={zoneProblem}
      >
        <Combobox
          id="mda-default-time-zone"
          width={60}
          options={zoneOptions}
          value={jsonData.defaultTimeZone ?? null}
          placeholder="Backend default"
          createCustomValue
          isClearable
          onChange={(option) => setDefaultTimeZone(option?.value || undefined)}
        />
      </Field>
    </FieldSet>
  );
}
