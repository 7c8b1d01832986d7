import { formatDate, formatNumber } from '@angular/common';
import { inject, Pipe, type PipeTransform } from '@angular/core';
import { LanguageStore } from './language-store';

/**
 * Formats a date in the active language's locale (fr-BE, nl-BE or en-GB), such as
 * `{{ stage.startDate | localDate }}` or `{{ task.dueAt | localDate: 'short' }}`.
 * Impure because the locale is a signal that changes at runtime.
 */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly language = inject(LanguageStore);

  /** Formats `value` with an Angular date format, `mediumDate` by default; empty stays empty. */
  transform(value: string | number | Date | null | undefined, format = 'mediumDate'): string {
    if (value === null || value === undefined || value === '') return '';
    return formatDate(value, format, this.language.locale());
  }
}

/** Formats a number in the active language's locale, such as `{{ count | localNumber }}`. */
@Pipe({ name: 'localNumber', pure: false })
export class LocalNumberPipe implements PipeTransform {
  private readonly language = inject(LanguageStore);

  /** Formats `value` with an Angular digits format such as `1.0-2`; empty stays empty. */
  transform(value: number | null | undefined, digitsInfo?: string): string {
    if (value === null || value === undefined) return '';
    return formatNumber(value, this.language.locale(), digitsInfo);
  }
}
