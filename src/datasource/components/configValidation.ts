import { isValidTimeZone } from '../timeZone';

/** Why a backend URL cannot work with the proxy route, or undefined when it can (empty: not yet set). */
export function backendUrlProblem(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not a URL: write it like http://mail-analytics-backend:3001';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `The backend speaks HTTP: use http:// or https://, not ${parsed.protocol}//`;
  }
  if (parsed.pathname.startsWith('/api/v1')) {
    return 'Give the backend base URL without /api/v1: the data source adds the API path itself';
  }
  return undefined;
}

/** Why a default time zone is not usable, or undefined when it is (empty: the backend's default). */
export function timeZoneProblem(zone: string | undefined): string | undefined {
  if (!zone || isValidTimeZone(zone)) {
    return undefined;
  }
  return `Unknown time zone "${zone}": use an IANA zone such as Europe/Berlin or Asia/Kolkata`;
}
