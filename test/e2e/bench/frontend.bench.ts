import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_PASSWORD, demoEmail } from '../../../db/seeds/demo/logins';
import { launchChromium } from '../support/chromium';
import { StageflowPages } from '../support/pages';
import { REPOSITORY_ROOT, startServer } from '../support/server';

/** Page loads measured; the median of several runs evens out one slow start. */
const RUNS = 5;
const BROWSER_DIR = path.join(REPOSITORY_ROOT, 'frontend', 'dist', 'frontend', 'browser');
const INBOX_PATH = '/tasks?scope=claimable';

/**
 * Prints the size of the JavaScript that index.html loads before the first render, raw and
 * gzip at zlib's default level. Then measures the time from navigation to the first inbox row
 * in headless Chromium, signed in as the demo hospital coordinator, with a cold HTTP cache.
 * Expects `npm run build:frontend` to have run, which `npm run bench:frontend` does.
 */
async function main(): Promise<void> {
  printInitialBundle();

  const email = demoEmail('hospital_coordinator');
  const server = await startServer(email, DEMO_PASSWORD);
  const browser = await launchChromium();
  try {
    const signIn = await browser.newContext();
    await new StageflowPages(await signIn.newPage(), server.baseUrl).signIn(email, DEMO_PASSWORD);
    const storageState = await signIn.storageState();
    await signIn.close();

    // Baseline in the same run: a cold context loading a document without the application
    // (the health check's JSON), which is the floor set by the browser, server and machine.
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ storageState });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server.baseUrl}/api/health`, { waitUntil: 'load' });
      baseline.push(performance.now() - started);
      await context.close();
    }

    const timings: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // A new context per run: the session cookie stays, the HTTP cache starts empty.
      const context = await browser.newContext({ storageState });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server.baseUrl}${INBOX_PATH}`);
      await page.locator('[data-testid="task-row"]').first().waitFor({ timeout: 30_000 });
      timings.push(performance.now() - started);
      await context.close();
    }
    printTimings(timings, baseline);
  } finally {
    await browser.close();
    await server.stop();
  }
}

function printInitialBundle(): void {
  const html = fs.readFileSync(path.join(BROWSER_DIR, 'index.html'), 'utf8');
  const files = initialScripts(html);
  if (files.length === 0)
    throw new Error(`${BROWSER_DIR}/index.html loads no script; is it built?`);

  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = fs.readFileSync(path.join(BROWSER_DIR, file));
    raw += content.length;
    gzip += gzipSync(content).length;
  }
  console.log(`Initial JavaScript (${files.length} files from index.html):`);
  console.log(`  raw  ${kilobytes(raw)}`);
  console.log(`  gzip ${kilobytes(gzip)}`);
}

// Scripts and module preloads named in index.html; lazy chunks are not listed there.
function initialScripts(html: string): string[] {
  const pattern = /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g;
  return [...new Set([...html.matchAll(pattern)].map((match) => match[1]))];
}

function printTimings(timings: number[], baseline: number[]): void {
  const sorted = [...timings].sort((a, b) => a - b);
  const median = medianOf(timings);
  const baselineMedian = medianOf(baseline);
  console.log(`First inbox row (${INBOX_PATH}, ${RUNS} cold loads, headless Chromium):`);
  console.log(
    `  median ${median.toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`,
  );
  console.log(`Baseline, a document without the application (/api/health, ${RUNS} cold loads):`);
  console.log(`  median ${baselineMedian.toFixed(0)} ms`);
  console.log(`Ratio inbox / baseline: ${(median / baselineMedian).toFixed(1)}`);
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB (${bytes} bytes)`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
