import type { FormField } from './activity-spec';
import { validateFormValues } from './form-values';

const fields: FormField[] = [
  field({ name: 'decision', type: 'enum', required: true, options: ['accept', 'refuse'] }),
  field({ name: 'rating', type: 'enum', options: ['1', '2', '3'] }),
  field({ name: 'startsOn', type: 'date' }),
  field({ name: 'absenceDays', type: 'number', min: 0, max: 366 }),
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
    ['a number below its minimum', { decision: 'accept', absenceDays: -3 }, 'values.absenceDays'],
    [
      'a number above its maximum',
      { decision: 'accept', absenceDays: '1e3' },
      'values.absenceDays',
    ],
    ['a missing required value', {}, 'values.decision'],
    ['an unknown field', { decision: 'accept', comment: 'x' }, 'values.comment'],
  ])('rejects %s', (_case, values, field) => {
    const attempt = () => validateFormValues(fields, values);

    expect(attempt).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field })] }),
    );
  });
});

function field(overrides: Partial<FormField> & Pick<FormField, 'name' | 'type'>): FormField {
  return { required: false, options: [], label: null, min: null, max: null, ...overrides };
}
