import { MAX_STAGE_DAYS, stageLengthInDays, stageRequestSchema } from './stages.schemas';

describe('stageLengthInDays()', () => {
  it('counts a one-day stage as 1', () => {
    expect(stageLengthInDays('2027-03-01', '2027-03-01')).toBe(1);
  });

  it('counts both ends across a leap day', () => {
    expect(stageLengthInDays('2028-02-28', '2028-03-01')).toBe(3);
  });

  it('is below 1 when the end comes first', () => {
    expect(stageLengthInDays('2027-03-02', '2027-03-01')).toBe(0);
  });
});

describe('stageRequestSchema', () => {
  const base = { careUnitId: 4, startDate: '2027-01-01' };

  it(`accepts exactly ${MAX_STAGE_DAYS} days`, () => {
    const result = stageRequestSchema.safeParse({ ...base, endDate: '2027-07-01' });

    expect(result.success).toBe(true);
  });

  it('rejects one day more on endDate', () => {
    const result = stageRequestSchema.safeParse({ ...base, endDate: '2027-07-02' });

    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['endDate']);
  });

  it('rejects an end before the start on endDate', () => {
    const result = stageRequestSchema.safeParse({ ...base, endDate: '2026-12-31' });

    expect(result.error?.issues[0]?.message).toBe('must be on or after startDate (2027-01-01)');
  });

  it('rejects a day that is not in the calendar', () => {
    const result = stageRequestSchema.safeParse({ ...base, endDate: '2027-02-29' });

    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['endDate']);
  });

  it('trims the motivation', () => {
    const result = stageRequestSchema.parse({ ...base, endDate: '2027-01-31', motivation: ' Hi ' });

    expect(result.motivation).toBe('Hi');
  });
});
