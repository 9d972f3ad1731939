import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { Stack, Text, TextLink } from '@grafana/ui';
import { VIEWS } from '../../contract/views';
import { PROVISIONED_DATASOURCE_UID } from '../datasource/types';

/** The shipped dashboards, by uid. */
export const DASHBOARDS: ReadonlyArray<{ uid: string; title: string; description: string }> = [
  { uid: 'mda-overview', title: 'Overview', description: 'Requests, deliveries, bounces and opens at a glance' },
  {
    uid: 'mda-request-date',
    title: VIEWS['request-date'].title,
    description: 'Counts and rates by the day mail was requested',
  },
  { uid: 'mda-send-date', title: VIEWS['send-date'].title, description: 'The same by the day mail was actually sent' },
  { uid: 'mda-domains', title: VIEWS.domains.title, description: 'Results by recipient domain, top N and the rest' },
  {
    uid: 'mda-result-codes',
    title: VIEWS['result-codes'].title,
    description: 'Results by delivery result code and class',
  },
  {
    uid: 'mda-sending-limit',
    title: VIEWS['sending-limit'].title,
    description: 'Monthly and daily limit usage and projection',
  },
];

/** What the app is, where its dashboards are, and how to connect it to the backend. */
function HomePage() {
  return (
    <PluginPage>
      <Stack direction="column" gap={3}>
        <Text element="p">
          Mail Delivery Analytics shows what happened to the mail your services send: how many recipient mails were
          requested, sent, delivered, bounced, opened and unsubscribed, by request date, send date, recipient domain and
          result code, and how much of the sending limit is used. Every panel can be downloaded as an Excel workbook.
        </Text>

        <section>
          <Text element="h3">Dashboards</Text>
          <ul>
            {DASHBOARDS.map((dashboard) => (
              <li key={dashboard.uid}>
                <TextLink href={`/d/${dashboard.uid}`} inline={false}>
                  {dashboard.title}
                </TextLink>{' '}
                <Text color="secondary">{dashboard.description}</Text>
              </li>
            ))}
          </ul>
        </section>

        <section>
          <Text element="h3">Setting up the data source</Text>
          <ol>
            <li>Run the backend and give it an API key with the read scope for your account (API_KEYS).</li>
            <li>
              In Connections → Data sources, add <strong>Mail Delivery Analytics</strong> (provisioning creates one with
              uid <code>{PROVISIONED_DATASOURCE_UID}</code>), set the backend URL (for example http://backend:3001) and
              the API key, and press Save &amp; test.
            </li>
            <li>Open a dashboard above; choose templates, domains and result codes with the variables at the top.</li>
          </ol>
        </section>

        <section>
          <Text element="h3">Excel export</Text>
          <Text element="p">
            Choose Export to Excel in a panel&apos;s menu to download that panel, or use a dashboard&apos;s link
            &quot;Download all views (Excel)&quot; for one workbook with a sheet per view. Dates are in the
            dashboard&apos;s time zone, counts are numbers and rates are percentages.
          </Text>
        </section>
      </Stack>
    </PluginPage>
  );
}

export default HomePage;
