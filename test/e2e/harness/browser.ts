/** Debian Chromium driven by playwright-core, with its profile and crash reports kept inside the run folder. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './paths';

export interface Browser {
  context: BrowserContext;
  /** Chromium's profile folder (every Chromium process of this browser names it on its command line). */
  profileDir: string;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(runDir: string): Promise<Browser> {
  const profile = join(runDir, 'chromium-profile');
  const xdgConfig = join(runDir, 'chromium-xdg');
  mkdirSync(xdgConfig, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    // Without its own XDG_CONFIG_HOME, Chromium's crashpad writes ~/.config/chromium/Crash Reports.
    env: { ...process.env, XDG_CONFIG_HOME: xdgConfig } as Record<string, string>,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page, profileDir: profile, close: () => context.close() };
}
