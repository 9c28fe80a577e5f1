import { expect, test } from './fixtures.js';

test('the theme follows the OS until pinned from the top bar or Settings, and is saved', async ({
  page,
  app,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(app.uiUrl);
  const html = page.locator('html');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  expect(light).not.toBe(dark);

  const toggle = page.getByRole('button', { name: /^Theme:/u });
  await expect(toggle).toHaveAccessibleName('Theme: follows the system. Switch to light');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  // Pinned: the OS turning dark no longer changes it.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe(light);
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(dark);
  expect((await app.call('settings.get', {})).values['ui.theme']).toBe('dark');

  await page.getByRole('tab', { name: 'Settings' }).click();
  const theme = page.getByRole('radiogroup', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  await theme.getByRole('radio', { name: 'Light' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.goto(app.uiUrl);
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'System' }).click();
  await expect(html).not.toHaveAttribute('data-theme');
  expect(await background()).toBe(dark);
});
