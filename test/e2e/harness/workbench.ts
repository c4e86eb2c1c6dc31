/** What a user does in the workbench, as Playwright steps: open a file, run a command, read the Problems panel. */
import assert from 'node:assert/strict';
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
 * Clicks the lightbulb of the cursor's line and waits for its menu to show an action with this title. (Ctrl+. is
 * "Quick Fix", which lists only quick fixes; the lightbulb lists refactorings like "Inject Istio sidecar" too.)
 */
export async function openCodeActions(page: Page, title: string): Promise<Locator> {
  // Drawn in the gutter when the cursor's line has text, else as a widget over the text.
  const bulb = page.locator('.codicon-gutter-lightbulb, .lightBulbWidget .codicon').locator('visible=true').first();
  await bulb.waitFor({ timeout: UI_TIMEOUT });
  await bulb.click();
  const item = page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
  await item.waitFor({ timeout: UI_TIMEOUT });
  return item;
}

/**
 * Picks the item with this title in the open lightbulb menu with the keyboard (the menu's pointer guard swallows
 * clicks), and waits for the menu to close.
 */
export async function pickCodeAction(page: Page, title: string): Promise<void> {
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  const rows = await page.locator('.action-widget .monaco-list-row').count();
  for (let i = 0; i <= rows && !(await focused.getAttribute('aria-label'))?.includes(title); i++) {
    await page.keyboard.press('ArrowDown');
  }
  assert.ok((await focused.getAttribute('aria-label'))?.includes(title), `no "${title}" in the lightbulb menu`);
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/**
 * Saves the active editor (Ctrl+S) and reads the file from disk, until its text satisfies `done`. (VS Code saves the
 * files a refactoring edits by itself, `files.refactoring.autoSave`; saving again is harmless.)
 */
export async function saveUntil(page: Page, path: string, done: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    const text = readFileSync(path, 'utf8');
    if (done(text)) return text;
    if (Date.now() > deadline) throw new Error(`${path} never reached the expected text; it is:\n${text}`);
    await page.waitForTimeout(250);
  }
}

/** Moves the cursor to a 1-based line with Go to Line (Ctrl+G), scrolling it into view. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** The 1-based line of the first line of `text` containing `needle` (0 when none does). */
export function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}
