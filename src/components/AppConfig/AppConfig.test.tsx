import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { PluginType, type DataSourceInstanceSettings } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import AppConfig, { type AppConfigProps } from './AppConfig';
import { reloadGrafana, saveAppSettings } from './pluginSettings';
import { TestRouter } from '../../testing/TestRouter';

jest.mock('./pluginSettings');
jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getDataSourceSrv: jest.fn() }));

function renderConfig(enabled: boolean, dataSources: Array<Partial<DataSourceInstanceSettings>>) {
  const getList = jest.fn().mockReturnValue(dataSources);
  jest.mocked(getDataSourceSrv).mockReturnValue({ getList } as never);
  const props = {
    plugin: {
      meta: {
        id: 'maildelivery-maildeliveryanalytics-app',
        name: 'Mail Delivery Analytics',
        type: PluginType.app,
        enabled,
        jsonData: {},
      },
    },
    query: {},
  } as unknown as AppConfigProps;
  // Grafana renders config pages inside its router; links need one.
  render(
    <TestRouter>
      <AppConfig {...props} />
    </TestRouter>
  );
  return getList;
}

describe('AppConfig', () => {
  beforeEach(() => jest.mocked(saveAppSettings).mockResolvedValue());

  it('enables the app, pinned, and reloads Grafana so the navigation shows it', async () => {
    renderConfig(false, []);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Enable' })));
    expect(saveAppSettings).toHaveBeenCalledWith('maildelivery-maildeliveryanalytics-app', {
      enabled: true,
      pinned: true,
      jsonData: {},
    });
    expect(reloadGrafana).toHaveBeenCalledTimes(1);
  });

  it('disables an enabled app', async () => {
    renderConfig(true, []);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Disable' })));
    expect(saveAppSettings).toHaveBeenCalledWith('maildelivery-maildeliveryanalytics-app', {
      enabled: false,
      pinned: false,
      jsonData: {},
    });
  });

  it('says why saving failed instead of reloading', async () => {
    jest.mocked(saveAppSettings).mockRejectedValue(new Error('Permission denied'));
    jest.mocked(reloadGrafana).mockClear();
    renderConfig(false, []);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Enable' })));
    expect(screen.getByText('Permission denied')).toBeInTheDocument();
    expect(reloadGrafana).not.toHaveBeenCalled();
  });

  it('links to the configured data sources of the bundled type', () => {
    const getList = renderConfig(true, [{ uid: 'mail-delivery-analytics', name: 'Mail Delivery Analytics' }]);
    expect(getList).toHaveBeenCalledWith({ pluginId: 'maildelivery-maildeliveryanalytics-datasource' });
    expect(screen.getByRole('link', { name: 'Mail Delivery Analytics' })).toHaveAttribute(
      'href',
      '/connections/datasources/edit/mail-delivery-analytics'
    );
  });

  it('offers to add the data source when there is none', () => {
    renderConfig(true, []);
    expect(screen.getByRole('link', { name: /Add a Mail Delivery Analytics data source/ })).toHaveAttribute(
      'href',
      '/connections/datasources/maildelivery-maildeliveryanalytics-datasource'
    );
  });
});
