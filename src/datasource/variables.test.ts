import { lastValueFrom } from 'rxjs';
import { FieldType, type DataQueryRequest } from '@grafana/data';
import { DataSource } from './DataSource';
import { instanceSettings, PROXY_URL, queryRequest } from './testing/dataSourceFixtures';
import { fakeBackendSrv, requestedParams } from './testing/fakeBackendSrv';
import { fakeTemplateSrv } from './testing/fakeTemplateSrv';
import type { MailVariableQuery } from './types';
import { valuesFrame, type MailVariableSupport } from './variables';

function variableRequest(query: Partial<MailVariableQuery>): DataQueryRequest<MailVariableQuery> {
  const request = queryRequest([], '2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z');
  return { ...request, targets: [{ refId: 'variable', ...query } as MailVariableQuery] };
}

describe('MailVariableSupport', () => {
  const backendSrv = fakeBackendSrv({
    [`${PROXY_URL}/api/api/v1/values/result-codes`]: { status: 200, data: { values: ['MAILBOX_ERROR', 'SMTP_ERROR'] } },
    [`${PROXY_URL}/api/api/v1/values/templates`]: { status: 200, data: { values: ['welcome, new users', '(none)'] } },
  });
  const ds = new DataSource(instanceSettings(), fakeTemplateSrv({ suffix: 'ERROR' }), backendSrv);
  const variableSupport = ds.variables as MailVariableSupport;

  it('lists the values of the chosen kind, searching for the interpolated text within the range', async () => {
    const response = await lastValueFrom(
      variableSupport.query(variableRequest({ kind: 'result-codes', search: '_$suffix' }))
    );
    expect(response.data).toHaveLength(1);
    expect(response.data[0].fields).toEqual([
      { name: 'text', type: FieldType.string, values: ['MAILBOX_ERROR', 'SMTP_ERROR'], config: {} },
    ]);
    expect(requestedParams(backendSrv.fetch)).toEqual([
      ['q', '_ERROR'],
      ['from', String(Date.parse('2026-03-01T00:00:00Z'))],
      ['to', String(Date.parse('2026-03-08T00:00:00Z'))],
    ]);
  });

  it('lists templates for a variable created without a kind, names kept whole', async () => {
    const response = await lastValueFrom(variableSupport.query(variableRequest({})));
    expect(response.data[0].fields[0].values).toEqual(['welcome, new users', '(none)']);
    expect(backendSrv.fetch.mock.calls[1][0].url).toBe(
      `${PROXY_URL}/api/api/v1/values/templates?from=${Date.parse('2026-03-01T00:00:00Z')}&to=${Date.parse('2026-03-08T00:00:00Z')}`
    );
  });
});

describe('valuesFrame', () => {
  it('is one string field named text', () => {
    expect(valuesFrame(['a']).fields).toEqual([{ name: 'text', type: FieldType.string, values: ['a'], config: {} }]);
  });
});
