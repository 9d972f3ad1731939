/**
 * "Export to Excel" in the panel menu of every panel that queries our data source:
 * downloads the panel's statistics as an xlsx workbook made by the backend.
 */
import {
  AppEvents,
  PluginExtensionPoints,
  type PluginExtensionAddedLinkConfig,
  type PluginExtensionPanelContext,
} from '@grafana/data';
import { getAppEvents, getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import { ourQueries, panelExport, type PanelExportDeps } from './panelExportRequest';
import { saveFile } from './saveFile';
import { fetchWorkbook } from './workbookDownload';

export interface ExportLinkDeps extends PanelExportDeps {
  download(url: string): Promise<Blob>;
  save(blob: Blob, fileName: string): void;
  showError(message: string): void;
}

/** Grafana's services, looked up when the link is used (they do not exist yet when the plugin loads). */
const grafanaServices = (): ExportLinkDeps => ({
  templateSrv: getTemplateSrv(),
  dataSource: (ref) => getDataSourceSrv().getInstanceSettings(ref),
  download: (url) => fetchWorkbook(url),
  save: saveFile,
  showError: (message) =>
    getAppEvents().publish({ type: AppEvents.alertError.name, payload: ['Export to Excel failed', message] }),
});

export async function exportPanel(context: PluginExtensionPanelContext, deps: ExportLinkDeps): Promise<void> {
  const request = panelExport(context, deps);
  if (!request) {
    return;
  }
  try {
    deps.save(await deps.download(request.url), request.fileName);
  } catch (error) {
    deps.showError(error instanceof Error ? error.message : String(error));
  }
}

export function exportToExcelLinkWith(
  services: () => ExportLinkDeps
): PluginExtensionAddedLinkConfig<PluginExtensionPanelContext> {
  return {
    title: 'Export to Excel',
    // Title, description and targets as plugin.json's extensions.addedLinks declares them.
    description: "Download this panel's statistics as an Excel workbook",
    targets: [PluginExtensionPoints.DashboardPanelMenu],
    icon: 'file-download',
    // Shown only on panels with a query of our data source.
    configure: (context) => (context && ourQueries(context, services()) ? {} : undefined),
    onClick: (_event, { context }) => {
      if (context) {
        void exportPanel(context, services());
      }
    },
  };
}

export const exportToExcelLink = exportToExcelLinkWith(grafanaServices);
