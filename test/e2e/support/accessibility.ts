import fs from 'node:fs';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** Impacts that fail a page: axe-core's two highest levels. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core in the page and returns its serious and critical violations, each as
 * `rule-id: help (n nodes: selector, ...)` so a failing assertion names what to fix.
 */
export async function findSeriousViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a script tag, which the app's Content Security Policy blocks.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  // A string, because the function would run in the browser, which this TypeScript project
  // does not type (no DOM library).
  const results = await page.evaluate<AxeResults>(
    'axe.run(document, { resultTypes: ["violations"] })',
  );
  return results.violations.filter(isBlocking).map(describe);
}

function isBlocking(violation: Result): boolean {
  return BLOCKING_IMPACTS.has(violation.impact ?? '');
}

function describe(violation: Result): string {
  const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
  return `${violation.id}: ${violation.help} (${violation.nodes.length} nodes: ${targets.join(', ')})`;
}
