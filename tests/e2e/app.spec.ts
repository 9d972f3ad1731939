/**
 * Playwright specs against a running Grafana with the plugin (`docker compose up`, then
 * `npm run e2e`). Not part of `npm test`: Grafana cannot run on the CI machine.
 */
import { test, expect } from './fixtures';

test('the home page links every shipped dashboard', async ({ gotoPage, page }) => {
  await gotoPage('/home');
  for (const title of [
    'Overview',
    'By request date',
    'By send date',
    'By domain',
    'By result code',
    'By sending limit',
  ]) {
    await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
  }
});

test('the export page names a missing data source', async ({ gotoPage, page }) => {
  await gotoPage('/export');
  await expect(page.getByText(/The link names no data source/)).toBeVisible();
});

test('the config page shows the provisioned app enabled and links its data source', async ({ appConfigPage, page }) => {
  // The Docker stack provisions the app enabled and one data source (provisioning/).
  await expect(page.getByText('1. Enable the app')).toBeVisible();
  await expect(page.getByText(/^The app is enabled: /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Disable' })).toBeVisible();
  await expect(page.getByText('2. Connect the data source')).toBeVisible();
  const dataSources = page.getByRole('list', { name: 'Mail Delivery Analytics data sources' });
  await expect(dataSources.getByRole('link', { name: 'Mail delivery analytics', exact: true })).toHaveAttribute(
    'href',
    '/connections/datasources/edit/mail-delivery-analytics'
  );
  await expect(page).toHaveURL(new RegExp(`/plugins/${appConfigPage.args.pluginId}(\\?|$)`));
});
