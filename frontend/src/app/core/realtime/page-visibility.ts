import { DOCUMENT } from '@angular/common';
import { inject, InjectionToken } from '@angular/core';
import {
  distinctUntilChanged,
  fromEvent,
  map,
  type Observable,
  shareReplay,
  startWith,
} from 'rxjs';

/** Emits whether the page is visible, now and on every change; tests provide a subject. */
export const PAGE_VISIBLE = new InjectionToken<Observable<boolean>>('PAGE_VISIBLE', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    const isVisible = () => document.visibilityState !== 'hidden';
    return fromEvent(document, 'visibilitychange').pipe(
      map(isVisible),
      startWith(isVisible()),
      distinctUntilChanged(),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  },
});
