import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';

export interface AppSettingsUpdate {
  enabled: boolean;
  pinned: boolean;
  jsonData: object;
  /** Written on Grafana's server only; never read back. */
  secureJsonData?: Record<string, string>;
}

/** Saves the app's settings (enabling it shows its pages and dashboards in the navigation). */
export async function saveAppSettings(pluginId: string, update: AppSettingsUpdate): Promise<void> {
  await lastValueFrom(
    getBackendSrv().fetch({ url: `/api/plugins/${pluginId}/settings`, method: 'POST', data: update })
  );
}

/** Grafana reads app settings when it loads, so the navigation only shows a change after a reload. */
export function reloadGrafana(): void {
  window.location.reload();
}
