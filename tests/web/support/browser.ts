/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * (no browser download). Tests skip with a clear message where it is missing (and fail under CI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { skipOrFailWithout } from '../../helpers/prerequisites';

export const CHROMIUM = process.env.PASTEFIX_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots go here (git-ignored), kept as test artifacts. */
export const ARTIFACTS = path.resolve(__dirname, '../../../../test-artifacts');

/** Skips the suite (from a `before` hook) when Chromium is not installed; fails it under CI. */
export function skipWithoutChromium(context: Mocha.Context): void {
  if (fs.existsSync(CHROMIUM)) return;
  skipOrFailWithout(context, `browser tests need ${CHROMIUM}; install it with: apt-get install -y chromium`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects page errors and console errors, so a test can assert the page ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  return file;
}

/** The send box of Web Chat, inside whatever frame or page is given. */
export const SEND_BOX = '[data-id="webchat-sendbox-input"]';
