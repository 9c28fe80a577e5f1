import { FakeDashlyApi } from '../helpers/fake-dashly-api.js';
import { expect, test } from './fixtures.js';

const API_TOKEN = 'e2e-dashly-api-token';

test('a Dashly reply that failed raises a notification (Notify me on, window in the background)', async ({
  page,
  app,
}) => {
  // The browser's Notification API, recorded; the window reports it is not focused.
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { shown: typeof shown }).shown = shown;
    class RecordedNotification {
      static permission = 'default';
      static requestPermission() {
        RecordedNotification.permission = 'granted';
        return Promise.resolve('granted');
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body ?? '' });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification });
    document.hasFocus = () => false;
  });
  const fake = await FakeDashlyApi.start({ token: API_TOKEN });
  try {
    await app.call('settings.update', { 'dashly.apiBaseUrl': fake.url, 'dashly.apiToken': API_TOKEN });
    await page.goto(app.uiUrl);
    await page.getByRole('tab', { name: 'Settings' }).click();
    const notifyMe = page
      .getByRole('region', { name: 'Notifications' })
      .getByRole('button', { name: 'Notify me' });
    await notifyMe.click();
    await expect(notifyMe).toHaveAttribute('aria-pressed', 'true');

    // A reply that works raises nothing; one the API refuses does, naming the error.
    await app.call('dashly.reply', { conversationId: '64558819', body: 'This one goes through' });
    fake.failNext({ status: 400, error: 'ReplyTooBig', message: 'Reply is too big' });
    await expect(
      app.call('dashly.reply', { conversationId: '64558819', body: 'This one fails' }),
    ).rejects.toThrow(/ReplyTooBig/u);
    const shown = () =>
      page.evaluate(() => (window as unknown as { shown: { title: string; body: string }[] }).shown);
    await expect.poll(shown).toHaveLength(1);
    const [notification] = await shown();
    expect(notification?.title).toBe('Reply to Dashly conversation 64558819 failed');
    expect(notification?.body).toContain('ReplyTooBig');
    expect(notification?.body).toContain('This one fails');
  } finally {
    await fake.stop();
  }
});
