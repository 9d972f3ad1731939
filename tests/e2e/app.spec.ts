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

test('the config page offers to enable the app and connect the data source', async ({ appConfigPage, page }) => {
  await expect(page.getByText('2. Connect the data source')).toBeVisible();
  expect(appConfigPage).toBeTruthy();
});
