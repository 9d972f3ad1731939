import { of } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';
import { saveAppSettings } from './pluginSettings';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: jest.fn() }));

describe('saveAppSettings', () => {
  it('POSTs the settings to the plugin settings API', async () => {
    const fetch = jest.fn().mockReturnValue(of({ data: {}, status: 200 }));
    jest.mocked(getBackendSrv).mockReturnValue({ fetch } as never);
    await saveAppSettings('maildelivery-maildeliveryanalytics-app', { enabled: true, pinned: true, jsonData: {} });
    expect(fetch).toHaveBeenCalledWith({
      url: '/api/plugins/maildelivery-maildeliveryanalytics-app/settings',
      method: 'POST',
      data: { enabled: true, pinned: true, jsonData: {} },
    });
  });
});
