import { ComponentHarness } from '@angular/cdk/testing';

/** Harness of `app-state-panel`: its kind, message and retry button. */
export class StatePanelHarness extends ComponentHarness {
  static hostSelector = 'app-state-panel';

  private readonly messageElement = this.locatorFor('.message');
  private readonly retryButton = this.locatorForOptional('button');

  /** Returns `loading`, `empty` or `error`. */
  async getKind(): Promise<string | null> {
    return (await this.host()).getAttribute('data-kind');
  }

  /** Returns the message text. */
  async getMessage(): Promise<string> {
    return (await this.messageElement()).text();
  }

  /** Clicks the retry button; fails when the panel has none. */
  async retry(): Promise<void> {
    const button = await this.retryButton();
    if (!button) throw new Error('This state panel has no retry button; only error panels do.');
    await button.click();
  }
}
