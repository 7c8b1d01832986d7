import { loadFixture, rulesAndIds, validate, variant } from './testing/definition-fixtures';

describe('checkTimers()', () => {
  describe('timer event definitions', () => {
    const base = loadFixture('invalid-timer.bpmn');
    const withTimer = (timer: string) =>
      variant(
        base,
        '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P3X</bpmn:timeDuration>',
        timer,
      );
    const field = (name: string, value: string, attributes = '') =>
      `<bpmn:${name} xsi:type="bpmn:tFormalExpression"${attributes}>${value}</bpmn:${name}>`;

    it.each([
      ['an impossible date', field('timeDate', '2027-13-01'), "'2027-13-01'"],
      ['a duration as a date', field('timeDate', 'P3D'), 'date or date-time'],
      ['prose as a cycle', field('timeCycle', 'every day'), 'repeating interval'],
      ['a bare date as a cycle', field('timeCycle', '2027-02-01'), 'repeating interval'],
      ['a repetition as a duration', field('timeDuration', 'R3/PT10M'), 'duration'],
      ['an empty duration', field('timeDuration', ''), 'empty timeDuration'],
      ['a language attribute', field('timeDuration', 'P3D', ' language="javascript"'), 'language'],
      ['no time at all', '', 'found none'],
      [
        'two times',
        field('timeDuration', 'P1D') + field('timeDate', '2027-02-01'),
        'found timeDuration and timeDate',
      ],
    ])('rejects %s', async (_case, timer, detail) => {
      const { problems } = await validate(withTimer(timer));

      expect(rulesAndIds(problems)).toEqual([['invalid-timer', 'wait_three_days']]);
      expect(problems[0].message).toContain(detail);
    });

    it.each([
      ['an hour', field('timeDuration', 'PT1H')],
      ['a composite duration', field('timeDuration', 'P1Y2M10DT2H30M')],
      ['a repeating cycle', field('timeCycle', 'R3/PT10M')],
      ['an unbounded cycle', field('timeCycle', 'R/P1D')],
      ['an anchored cycle', field('timeCycle', 'R2/2027-01-01T08:00:00Z/P1D')],
      ['a date-time', field('timeDate', '2027-02-01T08:00:00Z')],
      ['a calendar date', field('timeDate', '2027-02-01')],
      ['a date expression', field('timeDate', '${environment.variables.stage.startDate}')],
      ['an embedded expression', field('timeDuration', 'PT${environment.variables.hours}H')],
    ])('accepts %s', async (_case, timer) => {
      const { problems } = await validate(withTimer(timer));

      expect(problems).toEqual([]);
    });
  });

  describe('sf:dueDate', () => {
    const base = loadFixture('valid.bpmn');
    const withDueDate = (dueDate: string) =>
      variant(base, 'sf:dueDate="P5D"', `sf:dueDate="${dueDate}"`);

    it.each([
      ['prose', 'tomorrow'],
      ['a calendar date', '2027-02-01'],
      ['an unclosed expression', '${environment.variables.stage.endDate'],
    ])('rejects %s', async (_case, dueDate) => {
      const { problems } = await validate(withDueDate(dueDate));

      expect(rulesAndIds(problems)).toEqual([['invalid-timer', 'review']]);
      expect(problems[0].message).toContain(`sf:dueDate '${dueDate}'`);
    });

    it.each([
      ['a duration', 'PT36H'],
      ['an expression', '${environment.variables.stage.endDate}'],
    ])('accepts %s', async (_case, dueDate) => {
      const { problems } = await validate(withDueDate(dueDate));

      expect(problems).toEqual([]);
    });
  });
});
