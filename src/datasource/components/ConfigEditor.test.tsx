import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { DataSourceSettings } from '@grafana/data';
import { giveElementsASize } from '../testing/editorFixtures';
import type { MailDataSourceOptions, MailSecureJsonData } from '../types';
import { ConfigEditor } from './ConfigEditor';

type Settings = DataSourceSettings<MailDataSourceOptions, MailSecureJsonData>;

const settings = (patch: Partial<Settings> = {}): Settings =>
  ({
    id: 1,
    uid: 'mail-delivery-analytics',
    name: 'Mail Delivery Analytics',
    type: 'maildelivery-maildeliveryanalytics-datasource',
    jsonData: { apiUrl: 'http://backend:3001' },
    secureJsonFields: {},
    ...patch,
  }) as Settings;

function renderEditor(options: Settings) {
  const onOptionsChange = jest.fn();
  render(<ConfigEditor options={options} onOptionsChange={onOptionsChange} />);
  return onOptionsChange;
}

beforeEach(giveElementsASize);

describe('ConfigEditor', () => {
  it('sets the backend URL and says what is wrong with a bad one', () => {
    const options = settings({ jsonData: { apiUrl: 'backend:3001' } });
    const onOptionsChange = renderEditor(options);
    expect(screen.getByText('The backend speaks HTTP: use http:// or https://, not backend://')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('http://mail-analytics-backend:3001'), {
      target: { value: ' http://mail-stats:3001 ' },
    });
    expect(onOptionsChange).toHaveBeenCalledWith({ ...options, jsonData: { apiUrl: 'http://mail-stats:3001' } });
  });

  it('takes a new API key into secureJsonData', () => {
    const options = settings();
    const onOptionsChange = renderEditor(options);
    fireEvent.change(screen.getByPlaceholderText('API key'), { target: { value: 'acmeKey0123456789' } });
    expect(onOptionsChange).toHaveBeenCalledWith({ ...options, secureJsonData: { apiKey: 'acmeKey0123456789' } });
  });

  it('resets a configured API key', () => {
    const options = settings({ secureJsonFields: { apiKey: true } });
    const onOptionsChange = renderEditor(options);
    expect(screen.getByDisplayValue('configured')).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onOptionsChange).toHaveBeenCalledWith({
      ...options,
      secureJsonFields: { apiKey: false },
      secureJsonData: { apiKey: '' },
    });
  });

  it('picks a default time zone from the IANA zones', async () => {
    const options = settings();
    const onOptionsChange = renderEditor(options);
    const zone = screen.getByPlaceholderText('Backend default');
    await act(async () => fireEvent.click(zone));
    await act(async () => fireEvent.change(zone, { target: { value: 'Kathmandu' } }));
    await act(async () => fireEvent.click(await screen.findByRole('option', { name: 'Asia/Kathmandu' })));
    expect(onOptionsChange).toHaveBeenCalledWith({
      ...options,
      jsonData: { apiUrl: 'http://backend:3001', defaultTimeZone: 'Asia/Kathmandu' },
    });
  });

  it('refuses a typed zone that Intl does not know, naming it', async () => {
    const onOptionsChange = renderEditor(settings());
    const zone = screen.getByPlaceholderText('Backend default');
    await act(async () => fireEvent.click(zone));
    await act(async () => fireEvent.change(zone, { target: { value: 'Mars/Olympus' } }));
    await act(async () => fireEvent.click(await screen.findByRole('option', { name: /Mars\/Olympus/ })));
    expect(onOptionsChange).not.toHaveBeenCalled();
    expect(
      screen.getByText('Unknown time zone "Mars/Olympus": use an IANA zone such as Europe/Berlin or Asia/Kolkata')
    ).toBeInTheDocument();
  });
});
