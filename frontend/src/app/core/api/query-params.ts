import { HttpParams } from '@angular/common/http';

/** Query parameter values the API accepts; empty values are left out of the URL. */
export type QueryValue = string | number | boolean | null | undefined;

/** Builds HttpParams from `query`, skipping null, undefined, empty strings and `false`. */
export function toHttpParams(query: Record<string, QueryValue>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    params = params.set(key, String(value));
  }
  return params;
}
