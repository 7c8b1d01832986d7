import type { FormField } from './activity-spec';
import { validateFormValues } from './form-values';

const fields: FormField[] = [
  { name: 'decision', type: 'enum', required: true, options: ['accept', 'refuse'], label: null },
  { name: 'rating', type: 'enum', required: false, options: ['1', '2', '3'], label: null },
  { name: 'startsOn', type: 'date', required: false, options: [], label: null },
  { name: 'absenceDays', type: 'number', required: false, options: [], label: null },
];

describe('validateFormValues()', () => {
  it('normalises valid values', () => {
    const values = validateFormValues(fields, {
      decision: 'accept',
      rating: 3,
      startsOn: '2028-02-29',
      absenceDays: '2',
    });

    expect(values).toEqual({
      decision: 'accept',
      rating: '3',
      startsOn: '2028-02-29',
      absenceDays: 2,
    });
  });

  it.each([
    ['an enum given as an array', { decision: ['accept'] }, 'values.decision'],
    ['an enum given as an object', { decision: { value: 'accept' } }, 'values.decision'],
    [
      'a day that does not exist',
      { decision: 'accept', startsOn: '2027-02-31' },
      'values.startsOn',
    ],
    ['a number given as text', { decision: 'accept', absenceDays: 'two' }, 'values.absenceDays'],
    ['a missing required value', {}, 'values.decision'],
    ['an unknown field', { decision: 'accept', comment: 'x' }, 'values.comment'],
  ])('rejects %s', (_case, values, field) => {
    const attempt = () => validateFormValues(fields, values);

    expect(attempt).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field })] }),
    );
  });
});
