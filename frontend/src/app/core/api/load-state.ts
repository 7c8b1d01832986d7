import { catchError, map, type Observable, of, startWith } from 'rxjs';
import { type Problem, toProblem } from './problem';

/** The state of data loaded from the API, for templates that show loading and error states. */
export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; problem: Problem };

/** Wraps a request as loading, then ready or error; the result never errors. */
export function toLoadState<T>(source: Observable<T>): Observable<LoadState<T>> {
  return source.pipe(
    map((value): LoadState<T> => ({ status: 'ready', value })),
    startWith<LoadState<T>>({ status: 'loading' }),
    catchError((error: unknown) =>
      of<LoadState<T>>({ status: 'error', problem: toProblem(error) }),
    ),
  );
}
