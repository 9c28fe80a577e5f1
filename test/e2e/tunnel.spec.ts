import { startLocaltunnelServer, type LocaltunnelServer } from '../helpers/localtunnel-server.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';
import { expect, test as base } from '@playwright/test';

// A real localtunnel server on loopback and a serve process told to use it.
const test = base.extend<{ tunnelServer: LocaltunnelServer; app: ServeProcess }>({
  // eslint-disable-next-line no-empty-pattern
  tunnelServer: async ({}, use) => {
    const server = await startLocaltunnelServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  app: async ({ tunnelServer }, use) => {
    const app = await startServe({
      args: ['--tunnel-host', tunnelServer.host, '--subdomain', 'e2e-tunnel-ui'],
    });
    try {
      await use(app);
    } finally {
      await app.stop();
    }
  },
});

test('the tunnel control shows the granted URL, copies endpoint URLs, marks tunnelled requests and stops', async ({
  page,
  app,
  tunnelServer,
}) => {
  await page.goto(app.uiUrl);
  const pill = page.getByRole('button', { name: /Public tunnel:/u });
  await expect(pill).toContainText('e2e-tunnel-ui.localhost', { timeout: 20_000 });

  await pill.click();
  const panel = page.getByRole('dialog', { name: 'Public tunnel' });
  await expect(panel.getByText('http://e2e-tunnel-ui.localhost/kindly')).toBeVisible();
  await expect(panel.getByText('http://e2e-tunnel-ui.localhost/dashly')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Copy /kindly URL' })).toBeVisible();

  // The empty state gives the public URLs while the tunnel is online.
  await page.keyboard.press('Escape');
  await expect(page.getByText('The tunnel is online')).toBeVisible();

  const res = await tunnelServer.send('e2e-tunnel-ui', '/kindly', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat_id: 'c-tunnel', bot_id: 1, message: 'through the tunnel' }),
  });
  expect(res.status).toBe(200);
  const row = page.getByRole('option').filter({ hasText: 'through the tunnel' });
  await expect(row).toBeVisible();
  await expect(row.getByText('tunnel', { exact: true })).toBeVisible();

  await pill.click();
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(pill).toContainText('Tunnel off');
  await expect(panel.getByRole('button', { name: 'Start' })).toBeVisible();
});
