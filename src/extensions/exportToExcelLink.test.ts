import { dateTime, PluginExtensionPoints, type PluginExtensionPanelContext } from '@grafana/data';
import { waitFor } from '@testing-library/react';
import { fakeTemplateSrv } from '../datasource/testing/fakeTemplateSrv';
import { DATASOURCE_PLUGIN_ID } from '../datasource/types';
import pluginJson from '../plugin.json';
import { exportToExcelLink, exportToExcelLinkWith, type ExportLinkDeps } from './exportToExcelLink';

const OURS = { type: DATASOURCE_PLUGIN_ID, uid: 'mail-delivery-analytics' };

function services(download: ExportLinkDeps['download']) {
  const deps = {
    templateSrv: fakeTemplateSrv({}),
    dataSource: (ref: { uid?: string } | string) =>
      (typeof ref === 'string' ? ref : ref.uid) === OURS.uid
        ? { uid: OURS.uid, type: DATASOURCE_PLUGIN_ID, jsonData: {} }
        : { uid: 'prom', type: 'prometheus', jsonData: {} },
    download: jest.fn(download),
    save: jest.fn(),
    showError: jest.fn(),
  };
  return deps;
}

const panel = (targets: PluginExtensionPanelContext['targets']): PluginExtensionPanelContext => ({
  pluginId: 'table',
  id: 3,
  title: 'Domains',
  timeRange: { from: dateTime('2026-03-01T00:00:00Z'), to: dateTime('2026-03-08T00:00:00Z') },
  timeZone: 'utc',
  dashboard: { uid: 'mda-domains', title: 'By domain', tags: [] },
  targets,
});

const click = (link: ReturnType<typeof exportToExcelLinkWith>, context: PluginExtensionPanelContext) =>
  link.onClick!(undefined, {
    context,
    extensionPointId: PluginExtensionPoints.DashboardPanelMenu,
    openModal: jest.fn(),
    openSidebar: jest.fn(),
    closeSidebar: jest.fn(),
    toggleSidebar: jest.fn(),
  });

describe('exportToExcelLink', () => {
  it('is the panel menu link plugin.json declares', () => {
    const [declared] = pluginJson.extensions.addedLinks;
    expect(exportToExcelLink).toMatchObject({ ...declared, icon: 'file-download' });
  });

  it('shows only on panels with a query of our data source', () => {
    const link = exportToExcelLinkWith(() => services(async () => new Blob()));
    expect(link.configure!(panel([{ refId: 'A', datasource: OURS, view: 'domains' } as never]))).toEqual({});
    expect(link.configure!(panel([{ refId: 'A', datasource: { uid: 'prom' } }]))).toBeUndefined();
    expect(link.configure!(undefined)).toBeUndefined();
  });

  it('downloads the panel workbook and saves it under the panel title and range', async () => {
    const workbook = new Blob(['PK']);
    const deps = services(async () => workbook);
    click(
      exportToExcelLinkWith(() => deps),
      panel([{ refId: 'A', datasource: OURS, view: 'domains' } as never])
    );
    await waitFor(() => expect(deps.save).toHaveBeenCalled());
    expect(deps.download).toHaveBeenCalledWith(
      '/api/datasources/proxy/uid/mail-delivery-analytics/api/api/v1/stats/domains' +
        '?tz=UTC&from=1772323200000&to=1772928000000&interval=1d&format=xlsx'
    );
    expect(deps.save).toHaveBeenCalledWith(workbook, 'Domains 2026-03-01–2026-03-07.xlsx');
    expect(deps.showError).not.toHaveBeenCalled();
  });

  it('shows the backend error when the download fails', async () => {
    const deps = services(async () => {
      throw new Error('Backend answered HTTP 401 (unauthorized): unknown API key');
    });
    click(
      exportToExcelLinkWith(() => deps),
      panel([{ refId: 'A', datasource: OURS, view: 'domains' } as never])
    );
    await waitFor(() => expect(deps.showError).toHaveBeenCalled());
    expect(deps.save).not.toHaveBeenCalled();
    expect(deps.showError).toHaveBeenCalledWith('Backend answered HTTP 401 (unauthorized): unknown API key');
  });
});
