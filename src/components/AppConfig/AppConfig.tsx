import React, { useState } from 'react';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button, FieldSet, LinkButton, Stack, Text, TextLink } from '@grafana/ui';
import { DATASOURCE_PLUGIN_ID } from '../../datasource/types';
import { reloadGrafana, saveAppSettings } from './pluginSettings';
import { SubscriptionSettings, type SubscriptionJsonData } from './SubscriptionSettings';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<SubscriptionJsonData>> {}

/**
 * The statistics are read through the bundled data source (its backend URL and API key). The
 * app's own settings serve subscription periods only: an admin key, used by its admin route.
 */
const AppConfig = ({ plugin }: AppConfigProps) => {
  const { id, enabled, jsonData, secureJsonFields } = plugin.meta;
  const [saveError, setSaveError] = useState<string>();
  const dataSources = getDataSourceSrv().getList({ pluginId: DATASOURCE_PLUGIN_ID });

  const setEnabled = async (enable: boolean) => {
    try {
      await saveAppSettings(id, { enabled: enable, pinned: enable, jsonData: jsonData ?? {} });
      reloadGrafana();
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : 'Grafana did not save the app settings');
    }
  };

  return (
    <Stack direction="column" gap={3}>
      <FieldSet label="1. Enable the app">
        <Stack direction="column" gap={1}>
          <Text>
            {enabled
              ? 'The app is enabled: its home page, dashboards and the "Export to Excel" panel menu item are available.'
              : 'Enable the app to add its home page and dashboards to the navigation and "Export to Excel" to panel menus.'}
          </Text>
          <div>
            <Button variant={enabled ? 'destructive' : 'primary'} onClick={() => setEnabled(!enabled)}>
              {enabled ? 'Disable' : 'Enable'}
            </Button>
          </div>
          {saveError && <Alert title="Could not save the app settings">{saveError}</Alert>}
        </Stack>
      </FieldSet>
      <FieldSet label="2. Connect the data source">
        <Stack direction="column" gap={1}>
          <Text>
            The &quot;Mail Delivery Analytics&quot; data source reads the statistics backend. Set its backend URL and an
            API key with the read scope there; Grafana keeps the key on the server and adds it to every request.
          </Text>
          {dataSources.length > 0 ? (
            <ul aria-label="Mail Delivery Analytics data sources">
              {dataSources.map((dataSource) => (
                <li key={dataSource.uid}>
                  <TextLink href={`/connections/datasources/edit/${dataSource.uid}`} inline={false}>
                    {dataSource.name}
                  </TextLink>
                </li>
              ))}
            </ul>
          ) : (
            <div>
              <LinkButton href={`/connections/datasources/${DATASOURCE_PLUGIN_ID}`} icon="plus">
                Add a Mail Delivery Analytics data source
              </LinkButton>
            </div>
          )}
          <Text color="secondary">
            Use &quot;Save &amp; test&quot; on the data source page: it says whether the backend is reachable, InfluxDB
            is up, and the API key is known and may read.
          </Text>
        </Stack>
      </FieldSet>
      <SubscriptionSettings
        jsonData={jsonData ?? {}}
        adminKeySet={Boolean(secureJsonFields?.adminKey)}
        save={async (settings, secureJsonData) => {
          await saveAppSettings(id, {
            enabled: Boolean(enabled),
            pinned: Boolean(enabled),
            jsonData: settings,
            secureJsonData,
          });
          reloadGrafana();
        }}
      />
    </Stack>
  );
};

export default AppConfig;
