import { ComponentHarness } from '@angular/cdk/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';

/** Harness of `app-task-form`: fields by name, their labels, errors and the submit button. */
export class TaskFormHarness extends ComponentHarness {
  static hostSelector = 'app-task-form';

  private readonly submitButton = this.locatorFor('button[type="submit"]');

  /** Returns the field names in display order. */
  async getFieldNames(): Promise<string[]> {
    const fields = await this.locatorForAll('[data-field]')();
    return Promise.all(fields.map(async (field) => (await field.getAttribute('data-field')) ?? ''));
  }

  /** Returns the label text of a field, required mark included. */
  async getLabel(name: string): Promise<string> {
    const label = await this.locatorFor(
      `[data-field="${name}"] mat-label, [data-field="${name}"] legend`,
    )();
    return label.text();
  }

  /** Checks whether a field shows a required mark. */
  async isMarkedRequired(name: string): Promise<boolean> {
    const marks = await this.locatorForAll(
      `[data-field="${name}"] .required-mark, [data-field="${name}"] .mat-mdc-form-field-required-marker`,
    )();
    return marks.length > 0;
  }

  /** Returns the error text shown for a field, or null. */
  async getError(name: string): Promise<string | null> {
    const error = await this.locatorForOptional(
      `[data-field="${name}"] mat-error, [data-field="${name}"] .field-error`,
    )();
    return error ? (await error.text()).trim() : null;
  }

  /** Returns the errors shown above the buttons that belong to no field. */
  async getGeneralErrors(): Promise<string[]> {
    const errors = await this.locatorForAll('.general-error')();
    return Promise.all(errors.map(async (error) => (await error.text()).trim()));
  }

  /** Returns the option labels of a radio field. */
  async getRadioOptions(name: string): Promise<string[]> {
    const group = await this.locatorFor(
      MatRadioGroupHarness.with({ selector: `[data-field="${name}"] mat-radio-group` }),
    )();
    const buttons = await group.getRadioButtons();
    return Promise.all(buttons.map((button) => button.getLabelText()));
  }

  /** Checks the radio option of a field whose label is `label`. */
  async chooseRadio(name: string, label: string): Promise<void> {
    const group = await this.locatorFor(
      MatRadioGroupHarness.with({ selector: `[data-field="${name}"] mat-radio-group` }),
    )();
    await group.checkRadioButton({ label });
  }

  /** Types `value` into a text, number or date field, replacing its content. */
  async type(name: string, value: string): Promise<void> {
    const input = await this.locatorFor(
      `[data-field="${name}"] input, [data-field="${name}"] textarea`,
    )();
    await input.clear();
    await input.sendKeys(value);
    await input.blur();
  }

  /** Clicks the submit button. */
  async submit(): Promise<void> {
    await (await this.submitButton()).click();
  }
}
