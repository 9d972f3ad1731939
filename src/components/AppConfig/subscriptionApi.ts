/**
 * The account's subscription periods, read and managed through the app's `admin` proxy route
 * (plugin.json), which adds the app's admin API key on Grafana's server.
 */
import { lastValueFrom } from 'rxjs';
import type { AccountJson } from '../../../contract/apiTypes';
import { describeFailure, type FetchingBackendSrv } from '../../datasource/backendApi';
import { APP_PLUGIN_ID } from '../../datasource/types';

/** Path of the app's plugin.json proxy route that adds the admin key. */
export const ADMIN_ROUTE = 'admin';

export class SubscriptionApi {
  constructor(private readonly backendSrv: FetchingBackendSrv) {}

  private async call(method: 'GET' | 'PUT' | 'DELETE', account: string, below = ''): Promise<AccountJson> {
    try {
      const response = await lastValueFrom(
        this.backendSrv.fetch<AccountJson>({
          url: `/api/plugin-proxy/${APP_PLUGIN_ID}/${ADMIN_ROUTE}/api/v1/accounts/${encodeURIComponent(account)}${below}`,
          method,
          // An empty body means "now" to the backend.
          ...(method === 'GET' ? {} : { data: {} }),
          showErrorAlert: false,
        })
      );
      return response.data;
    } catch (failure) {
      throw describeFailure(failure);
    }
  }

  read(account: string): Promise<AccountJson> {
    return this.call('GET', account);
  }

  /** Ends the open period, if any, and starts a new one now: statistics then start again from now. */
  async startNewPeriod(account: string, current: AccountJson): Promise<AccountJson> {
    if (current.subscribedAt !== null) {
      await this.call('DELETE', account, '/subscription');
    }
    return this.call('PUT', account, '/subscription');
  }
}
