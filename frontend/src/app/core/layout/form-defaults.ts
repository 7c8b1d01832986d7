import type { Provider } from '@angular/core';
import {
  MAT_FORM_FIELD_DEFAULT_OPTIONS,
  type MatFormFieldDefaultOptions,
} from '@angular/material/form-field';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslatedPaginatorIntl } from '../i18n/paginator-intl';

/**
 * Material defaults for the signed-in pages: outlined form fields and translated paginator
 * labels. The shell route provides them, which keeps form fields out of the initial bundle.
 */
export function provideMaterialDefaults(): Provider[] {
  const formField: MatFormFieldDefaultOptions = { appearance: 'outline' };
  return [
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: formField },
    { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
  ];
}
