import { DestroyRef, inject, Injectable } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';
import { LanguageStore } from './language-store';
import { formatNumber } from '@angular/common';

/** Paginator labels in the active language, updated when the language or its file changes. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageStore);

  constructor() {
    super();
    this.transloco.events$
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.translateLabels());
    this.translateLabels();
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const locale = this.language.locale();
    const first = length === 0 ? 0 : page * pageSize + 1;
    const last = Math.min((page + 1) * pageSize, length);
    return this.transloco.translate('paginator.range', {
      first: formatNumber(first, locale),
      last: formatNumber(last, locale),
      total: formatNumber(length, locale),
    });
  };

  private translateLabels(): void {
    this.itemsPerPageLabel = this.transloco.translate('paginator.itemsPerPage');
    this.nextPageLabel = this.transloco.translate('paginator.next');
    this.previousPageLabel = this.transloco.translate('paginator.previous');
    this.firstPageLabel = this.transloco.translate('paginator.first');
    this.lastPageLabel = this.transloco.translate('paginator.last');
    this.changes.next();
  }
}
