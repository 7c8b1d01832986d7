import { isWrappedExpression, parseConditionExpression } from './condition-expression';

describe('parseConditionExpression()', () => {
  it('parses a path', () => {
    expect(parseConditionExpression('${environment.variables.stage.recruitmentConsent}')).toEqual({
      path: ['environment', 'variables', 'stage', 'recruitmentConsent'],
      comparison: null,
    });
  });

  it('parses an equality with spaces around it', () => {
    expect(
      parseConditionExpression(" ${ environment.output.review.decision == 'accept' } "),
    ).toEqual({
      path: ['environment', 'output', 'review', 'decision'],
      comparison: { operator: '==', literal: 'accept' },
    });
  });

  it('parses an inequality with an empty literal', () => {
    expect(parseConditionExpression("${environment.output.review.reason != ''}")).toEqual({
      path: ['environment', 'output', 'review', 'reason'],
      comparison: { operator: '!=', literal: '' },
    });
  });

  it.each([
    ['"accept"', 'accept'],
    ['3', 3],
    ['-1.5', -1.5],
    ['true', true],
    ['false', false],
    ['null', null],
  ])('parses the literal %s', (source, literal) => {
    const parsed = parseConditionExpression(`\${environment.output.rating == ${source}}`);

    expect(parsed?.comparison).toEqual({ operator: '==', literal });
  });

  it('accepts numeric path segments', () => {
    expect(parseConditionExpression('${environment.output.items.0}')?.path).toEqual([
      'environment',
      'output',
      'items',
      '0',
    ]);
  });

  it.each([
    'environment.output.ok',
    '${environment.output.score > 3}',
    '${environment.output.ok === true}',
    '${environment.output.decision == accept}',
    "${environment.output.decision == 'it\\'s'}",
    "${environment.output.decision == 'a' || true}",
    '${environment.services.fn()}',
    '${environment.output[0]}',
    '${environment..output}',
    '${0.output}',
    '${environment.output.constructor}',
    '${__proto__.polluted}',
    '${}',
  ])('rejects %s', (body) => {
    expect(parseConditionExpression(body)).toBeNull();
  });
});

describe('isWrappedExpression()', () => {
  it('tells a ${...} body from script text', () => {
    expect(isWrappedExpression(' ${anything at all} ')).toBe(true);
    expect(isWrappedExpression('next(null, true)')).toBe(false);
  });
});
