import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; playwright-core drives it instead of a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROME_BIN ?? '/usr/bin/chromium';

/** Flags that let headless Chromium run as root in containers, without network side jobs. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium from {@link CHROMIUM_PATH} with {@link CHROMIUM_FLAGS}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}
