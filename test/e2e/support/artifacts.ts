import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPOSITORY_ROOT } from './server';

/** Folder of screenshots and logs; test-results/ is ignored by git. */
export const RESULTS_DIR = path.join(REPOSITORY_ROOT, 'test-results', 'e2e');

/** Saves a full-page screenshot as `test-results/e2e/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Returns how many pixels the page is wider than its viewport; 0 means no sideways scroll. */
export async function horizontalOverflow(page: Page): Promise<number> {
  const widths = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  return Math.max(0, widths[0] - widths[1]);
}
