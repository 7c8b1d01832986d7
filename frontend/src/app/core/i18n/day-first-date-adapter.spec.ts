import { TestBed } from '@angular/core/testing';
import { provideNativeDateAdapter } from '@angular/material/core';
import { DayFirstDateAdapter } from './day-first-date-adapter';

describe('DayFirstDateAdapter', () => {
  it('reads slashes, dots and dashes day first', () => {
    const adapter = setup();

    for (const text of ['05/03/2027', '5.3.2027', '05-03-2027']) {
      const date = adapter.parse(text);
      expect([date?.getFullYear(), date?.getMonth(), date?.getDate()])
        .withContext(text)
        .toEqual([2027, 2, 5]);
    }
  });

  it('reads ISO dates', () => {
    const date = setup().parse('2027-12-31');

    expect([date?.getFullYear(), date?.getMonth(), date?.getDate()]).toEqual([2027, 11, 31]);
  });

  it('rejects days that do not exist', () => {
    const adapter = setup();

    expect(adapter.isValid(adapter.parse('31/02/2027') as Date)).toBeFalse();
  });

  it('rejects text that is not a date', () => {
    const adapter = setup();

    expect(adapter.isValid(adapter.parse('next monday') as Date)).toBeFalse();
  });

  it('returns null for an empty box', () => {
    expect(setup().parse('  ')).toBeNull();
  });
});

function setup(): DayFirstDateAdapter {
  TestBed.configureTestingModule({ providers: [provideNativeDateAdapter(), DayFirstDateAdapter] });
  return TestBed.inject(DayFirstDateAdapter);
}
