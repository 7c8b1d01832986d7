import { ChangeDetectorRef, DestroyRef, inject, Pipe, type PipeTransform } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';

/** Interpolation parameters of a translation, such as `{ name: 'Ana' }`. */
export type TranslationParams = Record<string, unknown>;

/**
 * Translates `key` when the active language has it, else returns `fallback`; for labels that
 * the server may send itself, such as task names (`'task.' + activityId | translateOr: name`).
 */
@Pipe({ name: 'translateOr', pure: false })
export class TranslateOrPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    const changeDetector = inject(ChangeDetectorRef);
    this.transloco.events$
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => changeDetector.markForCheck());
  }

  /** Returns the translation of `key`, or `fallback` (or the key) when it is missing. */
  transform(key: string, fallback?: string | null, params?: TranslationParams): string {
    return translateOr(this.transloco, key, fallback ?? key, params);
  }
}

/** Translates `key` in the active language if it exists there, else returns `fallback`. */
export function translateOr(
  transloco: TranslocoService,
  key: string,
  fallback: string,
  params?: TranslationParams,
): string {
  const translation = transloco.getTranslation(transloco.getActiveLang());
  return key in translation ? transloco.translate(key, params) : fallback;
}
