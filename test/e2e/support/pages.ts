import type { Locator, Page } from 'playwright-core';

/** Time a page may take to show what a step waits for, in milliseconds. */
const STEP_TIMEOUT_MS = 20_000;

/**
 * Page helpers for the browser scenarios. They find elements by `data-testid` and data
 * attributes, never by visible text, so they work in every interface language.
 */
export class StageflowPages {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Opens the sign-in page, signs in and waits for the home page. */
  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/sign-in`);
    await this.page.locator('input[type="email"]').fill(email);
    await this.page.locator('input[type="password"]').fill(password);
    await this.page.locator('button[type="submit"]').click();
    await this.page.waitForURL(/\/home/, { timeout: STEP_TIMEOUT_MS });
  }

  /** Signs out through the user menu and waits for the sign-in page. */
  async signOut(): Promise<void> {
    await this.page.locator('[data-testid="user-menu"]').click();
    await this.page.locator('[data-testid="sign-out"]').click();
    await this.page.waitForURL(/\/sign-in/, { timeout: STEP_TIMEOUT_MS });
  }

  /** Switches the interface language through the toolbar menu. */
  async switchLanguage(language: 'fr' | 'nl' | 'en'): Promise<void> {
    await this.page.locator('app-language-menu button').first().click();
    await this.page.locator(`[data-language="${language}"]`).click();
    await this.page.waitForFunction(`document.documentElement.lang === '${language}'`);
  }

  /** Opens the stage request form from the URL. */
  async openRequestForm(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/stages/new`);
    await this.page
      .locator('[data-testid="request-hospital"]')
      .waitFor({ timeout: STEP_TIMEOUT_MS });
  }

  /**
   * Fills the request form: the hospital whose option text contains `hospitalName`, the first
   * campus and the first care unit, then the period (day first) and the motivation.
   */
  async fillRequest(request: {
    hospitalName: string;
    start: string;
    end: string;
    motivation: string;
  }): Promise<void> {
    await this.choose(
      'request-hospital',
      this.page.locator('mat-option', { hasText: request.hospitalName }).first(),
    );
    await this.choose('request-campus', this.page.locator('mat-option').first());
    await this.choose('request-care-unit', this.page.locator('mat-option').first());
    await this.page.locator('[data-testid="request-start"]').fill(request.start);
    await this.page.locator('[data-testid="request-end"]').fill(request.end);
    await this.page.locator('[data-testid="request-motivation"]').fill(request.motivation);
  }

  /** Submits the request form and returns the id of the new stage from the stage page URL. */
  async submitRequest(): Promise<string> {
    await this.page.locator('[data-testid="request-submit"]').click();
    await this.page.waitForURL(/\/stages\/\d+/, { timeout: STEP_TIMEOUT_MS });
    return /\/stages\/(\d+)/.exec(this.page.url())?.[1] ?? '';
  }

  /** Opens a stage page and returns the phase its status chip shows. */
  async stagePhase(stageId: string): Promise<string | null> {
    await this.page.goto(`${this.baseUrl}/stages/${stageId}`);
    const chip = this.page.locator('[data-testid="stage-status"]');
    await chip.waitFor({ timeout: STEP_TIMEOUT_MS });
    return chip.getAttribute('data-phase');
  }

  /** Opens the inbox on a tab, optionally searching a student name. */
  async openInbox(scope: 'mine' | 'claimable', studentName = ''): Promise<void> {
    const query = new URLSearchParams({ scope, ...(studentName && { q: studentName }) });
    await this.page.goto(`${this.baseUrl}/tasks?${query.toString()}`);
    await this.page
      .locator('[data-testid="task-row"], [data-testid="inbox-empty"]')
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
  }

  /** Returns the inbox row of the task for `activityId` on stage `stageId`. */
  taskRow(activityId: string, stageId: string): Locator {
    return this.page.locator(
      `[data-testid="task-row"][data-activity="${activityId}"][data-stage-id="${stageId}"]`,
    );
  }

  /** Claims a task from its row on the claimable tab and waits until the row leaves the tab. */
  async claim(row: Locator): Promise<void> {
    await row.locator('[data-testid="claim"]').click();
    await row.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  }

  /** Opens a task from its row, picks `option` for each enum field named in `choices`, completes it. */
  async complete(row: Locator, choices: Record<string, string>): Promise<void> {
    await row.locator('[data-testid="open"]').click();
    const dialog = this.page.locator('app-task-dialog');
    await dialog.locator('app-task-form').waitFor({ timeout: STEP_TIMEOUT_MS });
    for (const [field, option] of Object.entries(choices)) {
      await dialog.locator(`[data-field="${field}"] [data-option="${option}"] input`).check();
    }
    await dialog.locator('[data-testid="task-submit"]').click();
    await dialog.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  }

  private async choose(testId: string, option: Locator): Promise<void> {
    await this.page.locator(`[data-testid="${testId}"]`).click();
    await option.waitFor({ timeout: STEP_TIMEOUT_MS });
    await option.click();
    await this.page.locator('.cdk-overlay-backdrop').waitFor({ state: 'detached' });
  }
}
