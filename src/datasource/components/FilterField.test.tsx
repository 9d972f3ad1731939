import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { editorDataSource, giveElementsASize } from '../testing/editorFixtures';
import { requestedParams } from '../testing/fakeBackendSrv';
import { FilterField } from './FilterField';

beforeEach(giveElementsASize);

describe('FilterField', () => {
  it('suggests dashboard variables and the backend values, described for result codes', async () => {
    const { datasource, fetch } = editorDataSource({ 'result-codes': ['MAILBOX_ERROR', 'SMTP_ERROR'] });
    const onChange = jest.fn();
    render(<FilterField filter="resultCode" values={['MAIL_SENT']} onChange={onChange} datasource={datasource} />);
    await act(async () => fireEvent.click(screen.getByRole('combobox', { name: 'Result code' })));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      '$templateDashboard variable',
      'MAILBOX_ERRORSending failed due to recipient mailbox error.',
      'SMTP_ERRORSending failed due to SMTP error on the recipient side.',
    ]);
    expect(fetch.mock.calls[0][0].url).toBe(
      '/api/datasources/proxy/uid/mail-delivery-analytics/api/api/v1/values/result-codes'
    );

    await act(async () => fireEvent.click(screen.getByRole('option', { name: /SMTP_ERROR/ })));
    expect(onChange).toHaveBeenCalledWith(['MAIL_SENT', 'SMTP_ERROR']);
  });

  it('searches the backend for what is typed', async () => {
    const { datasource, fetch } = editorDataSource({ domains: ['mail.example.org'] });
    render(<FilterField filter="domain" values={[]} onChange={jest.fn()} datasource={datasource} />);
    const input = screen.getByRole('combobox', { name: 'Domain' });
    await act(async () => fireEvent.click(input));
    await act(async () => fireEvent.change(input, { target: { value: 'example' } }));
    expect(await screen.findByRole('option', { name: /mail\.example\.org/ })).toBeInTheDocument();
    expect(requestedParams(fetch, fetch.mock.calls.length - 1)).toEqual([['q', 'example']]);
  });
});
