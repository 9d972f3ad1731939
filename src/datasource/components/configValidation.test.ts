import { backendUrlProblem, timeZoneProblem } from './configValidation';

describe('backendUrlProblem', () => {
  it('accepts http and https base URLs and an empty field', () => {
    expect(backendUrlProblem('http://backend:3001')).toBeUndefined();
    expect(backendUrlProblem('https://mail-stats.example.com/base')).toBeUndefined();
    expect(backendUrlProblem('')).toBeUndefined();
    expect(backendUrlProblem(undefined)).toBeUndefined();
  });

  it('says what is wrong with anything else', () => {
    expect(backendUrlProblem('backend:3001')).toBe('The backend speaks HTTP: use http:// or https://, not backend://');
    expect(backendUrlProblem('not a url')).toBe('Not a URL: write it like http://mail-analytics-backend:3001');
    expect(backendUrlProblem('http://backend:3001/api/v1')).toBe(
      'Give the backend base URL without /api/v1: the data source adds the API path itself'
    );
  });
});

describe('timeZoneProblem', () => {
  it('accepts IANA zones and nothing, and names an unknown zone', () => {
    expect(timeZoneProblem('Asia/Kathmandu')).toBeUndefined();
    expect(timeZoneProblem(undefined)).toBeUndefined();
    expect(timeZoneProblem('Europe/Atlantis')).toBe(
      'Unknown time zone "Europe/Atlantis": use an IANA zone such as Europe/Berlin or Asia/Kolkata'
    );
  });
});
