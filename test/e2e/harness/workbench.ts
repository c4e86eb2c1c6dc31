/** What a user does in the workbench, as Playwright steps: open a file, run a command, read the Problems panel. */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

const UI_TIMEOUT = 30_000;

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/** Opens a workspace file from the explorer (double click: a pinned editor, not a preview). */
export async function openFile(page: Page, name: string): Promise<Locator> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().dblclick();
  const editor = activeEditor(page);
  await editor.locator('.view-lines').waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: UI_TIMEOUT });
  return editor;
}

/** The editor that has the text cursor (the code editor of the active group). */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** Clicks at the end of the first rendered line containing `text`, putting the cursor there. */
export async function clickLine(editor: Locator, text: string): Promise<void> {
  const line = editor.locator('.view-line', { hasText: text }).first();
  await line.waitFor({ timeout: UI_TIMEOUT });
  await line.locator('span').last().click();
}

/** Runs a command from the palette by its title (as shown, with category) and waits for the palette to close. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: UI_TIMEOUT });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Opens the Problems panel and returns the texts of its rows once at least `atLeast` rows match `filter`. */
export async function problems(page: Page, filter: RegExp, atLeast: number): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ timeout: UI_TIMEOUT });
  const rows = panel.locator('.monaco-list-row');
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    const texts = await rows.allInnerTexts();
    if (texts.filter((t) => filter.test(t)).length >= atLeast) return texts;
    if (Date.now() > deadline) throw new Error(`Problems panel: wanted ${atLeast} rows matching ${filter}, saw:\n${texts.join('\n')}`);
    await page.waitForTimeout(200);
  }
}

/**
 * Presses Ctrl+. at the cursor and picks the code action with this title from the lightbulb menu.
 * The menu lists the server's actions (refactorings, quick fixes, source actions).
 */
export async function applyCodeAction(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+.');
  const item = page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
  await item.waitFor({ timeout: UI_TIMEOUT });
  await item.click();
  await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Saves the active editor (Ctrl+S), waits until it is no longer dirty and returns the file's text from disk. */
export async function saveAndRead(page: Page, path: string): Promise<string> {
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  return readFileSync(path, 'utf8');
}

/** Waits until the active tab shows unsaved changes (an edit has been applied). */
export async function waitForDirty(page: Page): Promise<void> {
  await page.locator('.tab.active.dirty').waitFor({ timeout: UI_TIMEOUT });
}
