import { startLocaltunnelServer } from '../helpers/localtunnel-server.js';
import { expect, test } from './fixtures.js';

test.use({ firstRun: true });

test('the guide opens on the first start only, sends a test webhook per platform and shows it arriving', async ({
  page,
  app,
}) => {
  await page.goto(app.uiUrl);
  const guide = page.getByRole('dialog', { name: 'Getting started' });
  await expect(guide).toBeVisible();
  await expect.poll(async () => (await app.call('settings.get', {})).values['ui.guideSeen']).toBe(true);
  await expect(guide.getByLabel('Dashly chat webhook URL')).toHaveText(`${app.listenerUrl}/dashly`);
  await expect(guide.getByLabel('Kindly dialogue webhook URL')).toHaveText(`${app.listenerUrl}/kindly`);

  const dashly = guide.getByRole('region', { name: /Dashly chat webhook/u });
  await dashly.getByRole('button', { name: 'Send a test webhook' }).click();
  await expect(dashly.getByRole('status')).toContainText(/Arrived as capture #\d+/u);
  const kindly = guide.getByRole('region', { name: /Kindly dialogue webhook/u });
  await kindly.getByRole('button', { name: 'Send a test webhook' }).click();
  await expect(kindly.getByRole('status')).toContainText(/Arrived as capture #\d+/u);

  // Realistic samples: parsed as each platform's message, recorded by the listener.
  const [kindlyCapture, dashlyCapture] = (await app.call('captures.list', {})).items;
  expect(dashlyCapture).toMatchObject({ provider: 'dashly', path: '/dashly', status: 200 });
  expect(kindlyCapture).toMatchObject({ provider: 'kindly', path: '/kindly', status: 200 });
  expect(dashlyCapture?.summary).toContain('test message from the Convoscope guide');

  // "Show it" closes the guide on that capture.
  await kindly.getByRole('button', { name: 'Show it' }).click();
  await expect(guide).toBeHidden();
  await expect(page.getByRole('option', { selected: true })).toContainText('Kindly');

  // A second start does not open it again; Help › Getting started does.
  await page.goto(app.uiUrl);
  await expect(page.getByRole('option')).toHaveCount(2);
  await expect(guide).toBeHidden();
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Getting started' }).click();
  await expect(guide).toBeVisible();
});

test('the guide starts the tunnel and fills in the public URLs', async ({ page, app }) => {
  const tunnelServer = await startLocaltunnelServer();
  try {
    await app.call('settings.update', { 'tunnel.host': tunnelServer.host, 'tunnel.subdomain': 'guide-e2e' });
    await page.goto(app.uiUrl);
    const guide = page.getByRole('dialog', { name: 'Getting started' });
    await guide.getByRole('button', { name: 'Start the public tunnel' }).click();
    await expect(guide.getByText('The tunnel is online')).toBeVisible({ timeout: 20_000 });
    await expect(guide.getByLabel('Dashly chat webhook URL')).toHaveText('http://guide-e2e.localhost/dashly');
    await expect(guide.getByLabel('Kindly dialogue webhook URL')).toHaveText(
      'http://guide-e2e.localhost/kindly',
    );
    await expect(guide.getByText('Public webhook URL')).toHaveCount(2);
    await app.call('tunnel.stop', {});
  } finally {
    await tunnelServer.stop();
  }
});
