import { loadFixture, rulesAndIds, validate, variant } from './testing/definition-fixtures';

describe('checkFormFields()', () => {
  const base = loadFixture('invalid-form-field.bpmn');
  const withFields = (fields: string) =>
    variant(base, '<sf:formField name="rating" type="enum" required="true" />', fields);

  it.each([
    ['a field without a name', '<sf:formField type="string" />', 'has no name'],
    [
      'a duplicated name',
      '<sf:formField name="note" type="text" /><sf:formField name="note" type="string" />',
      "'note' is declared twice",
    ],
    ['a name with a space', '<sf:formField name="my note" type="text" />', 'is invalid'],
    ['a prototype name', '<sf:formField name="__proto__" type="text" />', 'is invalid'],
    ['a field without a type', '<sf:formField name="note" />', 'has no type'],
    ['an unknown type', '<sf:formField name="colour" type="color" />', "type 'color'"],
    [
      'an enum with blank options',
      '<sf:formField name="rating" type="enum" options=" , " />',
      'no options',
    ],
    [
      'an enum with an empty option',
      '<sf:formField name="rating" type="enum" options="1,,2" />',
      'empty option',
    ],
    [
      'an enum with a repeated option',
      '<sf:formField name="rating" type="enum" options="1,2,1" />',
      "'1' twice",
    ],
  ])('rejects %s', async (_case, fields, detail) => {
    const { problems } = await validate(withFields(fields));

    expect(rulesAndIds(problems)).toEqual([['invalid-form-field', 'rate_stage']]);
    expect(problems[0].message).toContain(detail);
  });

  it('reports every broken field of a task', async () => {
    const fields = '<sf:formField type="color" /><sf:formField name="rating" type="enum" />';

    const { problems } = await validate(withFields(fields));

    expect(problems.map((entry) => entry.message)).toEqual([
      expect.stringContaining('form field 1 has no name'),
      expect.stringContaining("type 'color'"),
      expect.stringContaining("enum form field 'rating' has no options"),
    ]);
  });

  it('accepts every supported type', async () => {
    const fields = [
      '<sf:formField name="badge" type="string" required="true" label="Badge" />',
      '<sf:formField name="notes" type="text" />',
      '<sf:formField name="absenceDays" type="number" />',
      '<sf:formField name="validated" type="boolean" />',
      '<sf:formField name="startsOn" type="date" />',
      '<sf:formField name="rating" type="enum" options="1, 2, 3" />',
    ].join('');

    const { problems } = await validate(withFields(fields));

    expect(problems).toEqual([]);
  });
});
