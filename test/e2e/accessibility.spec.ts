import type { Page } from '@playwright/test';
import { httpRequest } from '../helpers/http.js';
import { DASHLY_DOC_LEAD_BODY, DASHLY_HEADERS } from '../fixtures/dashly.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';
import { expect, test } from './fixtures.js';

const CONTROL_ROLES =
  'button|link|textbox|searchbox|checkbox|radio|switch|combobox|listbox|option|menuitem|tab|slider|spinbutton|separator|dialog|tabpanel';

/** Lines of an ARIA snapshot showing a control without an accessible name (`- button`, `- textbox: value`, not `- button "Save"`). */
function unnamedControls(snapshot: string): string[] {
  const unnamed = new RegExp(`^\\s*- (${CONTROL_ROLES})( \\[[^\\]]*\\])*(:.*)?$`, 'u');
  return snapshot.split('\n').filter((line) => unnamed.test(line));
}

async function expectAllNamed(page: Page, what: string): Promise<void> {
  const snapshot = await page.locator('body').ariaSnapshot();
  expect(unnamedControls(snapshot), `unlabelled controls in ${what}`).toEqual([]);
}

async function seed(listenerUrl: string): Promise<void> {
  await httpRequest(`${listenerUrl}/dashly`, { headers: DASHLY_HEADERS, body: DASHLY_DOC_LEAD_BODY });
  await httpRequest(`${listenerUrl}/kindly`, {
    headers: KINDLY_HEADERS,
    body: JSON.stringify(KINDLY_TEXT_REQUEST),
  });
}

test('every control in the main views and dialogs has a name for screen readers', async ({ page, app }) => {
  await seed(app.listenerUrl);
  await page.goto(app.uiUrl);
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  await expect(list.getByRole('option')).toHaveCount(2);
  await page.keyboard.press('j');

  // The captures view: landmarks, the list and the open detail, by role and name.
  await expect(page.locator('body')).toMatchAriaSnapshot(`
    - banner:
      - tablist "Views":
        - tab "Captures" [selected]
      - button "Help"
    - main:
      - region "Captures":
        - searchbox "Search captures"
        - radiogroup "Filter by provider"
        - button "Only starred captures"
        - button "Clear captures…"
        - listbox "Captured requests, newest first"
      - separator "Resize captures"
      - region "Capture detail":
        - article:
          - button "Add note"
          - button "Star"
          - tablist "Capture details"
          - tabpanel "Message"
  `);
  await expectAllNamed(page, 'Captures');
  await page.keyboard.press('n');
  await expectAllNamed(page, 'Captures with the note editor');
  await page.keyboard.press('Escape');

  for (const view of ['Conversations', 'Endpoints', 'Settings']) {
    await page.getByRole('tab', { name: view }).click();
    if (view === 'Conversations')
      await page
        .getByRole('list', { name: /Conversations/u })
        .getByRole('button')
        .first()
        .click();
    if (view === 'Endpoints') await expect(page.getByRole('textbox', { name: 'Path prefix' })).toBeVisible();
    await expectAllNamed(page, view);
  }

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectAllNamed(page, 'the shortcuts dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Clear captures…' }).click();
  await expect(page.getByRole('dialog', { name: 'Clear captures' })).toContainText('2 captures stored');
  await expectAllNamed(page, 'the clear dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Getting started' }).click();
  await expect(page.getByRole('dialog', { name: 'Getting started' })).toBeVisible();
  await expectAllNamed(page, 'the getting-started guide');
});

test('keyboard only: search, pick a capture, star it, note it, open its conversation, come back', async ({
  page,
  app,
}) => {
  await seed(app.listenerUrl);
  await page.goto(app.uiUrl);
  await expect(page.getByRole('option')).toHaveCount(2);

  // Tab from the top reaches the search field; every stop on the way shows a focus ring.
  const search = page.getByRole('searchbox', { name: 'Search captures' });
  for (
    let stops = 0;
    stops < 12 && !(await search.evaluate((field) => field === document.activeElement));
    stops++
  ) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const within = element.closest('.search-field');
      return style.outlineStyle !== 'none' || style.boxShadow !== 'none' || within !== null;
    });
    expect(ring, 'a visible focus indicator').toBe(true);
  }
  await expect(search).toBeFocused();
  await page.keyboard.type('Saturday');
  await expect(page.getByRole('option')).toHaveCount(1);

  // Tab on to the list, select with the arrows, star and note with single keys.
  const list = page.getByRole('listbox', { name: /Captured requests/u });
  while (!(await list.evaluate((element) => element === document.activeElement)))
    await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  const detail = page.getByRole('article', { name: /Capture/u });
  await expect(detail).toContainText('When are you open on Saturday?');
  await page.keyboard.press('s');
  await expect(detail.getByRole('button', { name: 'Star', pressed: true })).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.type('asked about opening hours');
  await page.keyboard.press('Control+Enter');
  await expect(detail.getByRole('region', { name: 'Note' })).toContainText('opening hours');
  // Saving gave focus back to the list.
  await expect(list).toBeFocused();

  // Tab into the detail and open the conversation with Enter.
  const open = detail.getByRole('button', { name: 'Open conversation' });
  while (!(await open.evaluate((element) => element === document.activeElement)))
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Conversations' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    page.getByRole('article', { name: `Conversation ${KINDLY_TEXT_REQUEST.chat_id}` }),
  ).toBeVisible();

  // The view tabs move with the arrow keys, focus following.
  await page.getByRole('tab', { name: 'Conversations' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Captures' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Captures' })).toHaveAttribute('aria-selected', 'true');
});
