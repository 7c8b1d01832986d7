import { Injectable } from '@angular/core';
import { NativeDateAdapter } from '@angular/material/core';

const DAY_FIRST = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

/**
 * A native date adapter that reads typed dates day first (31/12/2027, 31.12.2027, 31-12-2027)
 * or as ISO dates (2027-12-31), as every supported locale (fr-BE, nl-BE, en-GB) writes them.
 * The stock adapter relies on `Date.parse`, which reads 05/03/2027 as the 3rd of May.
 */
@Injectable()
export class DayFirstDateAdapter extends NativeDateAdapter {
  /** Parses a typed date; returns an invalid date for text that is not a date. */
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    if (value.trim() === '') return null;

    const dayFirst = DAY_FIRST.exec(value);
    if (dayFirst) return calendarDate(+dayFirst[3], +dayFirst[2], +dayFirst[1]);
    const iso = ISO_DATE.exec(value);
    if (iso) return calendarDate(+iso[1], +iso[2], +iso[3]);
    return this.invalid();
  }
}

function calendarDate(year: number, month: number, day: number): Date {
  const date = new Date(year, month - 1, day);
  // Reject overflow such as 31/02, which Date would roll into March.
  const isExact =
    date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return isExact ? date : new Date(NaN);
}
