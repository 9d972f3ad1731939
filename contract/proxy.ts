/**
 * How the plugin reaches the backend: through the data source's plugin.json proxy route,
 * which adds the API key (src/datasource/plugin.json `routes`).
 */

/** Path of the plugin.json proxy route, below the data source's proxy URL. */
export const PROXY_ROUTE = 'api';

/** Grafana's proxy URL of a data source (what its instance settings give as `url`). */
export const dataSourceProxyUrl = (dataSourceUid: string): string =>
  `/api/datasources/proxy/uid/${encodeURIComponent(dataSourceUid)}`;

/** The backend's root as the browser reaches it: the proxy route of a data source's proxy URL. */
export const backendBaseUrl = (proxyUrl: string): string => `${proxyUrl}/${PROXY_ROUTE}`;
