import { z } from 'zod';
import { containsPattern, idSchema, MAX_PAGE_SIZE, pageQueryShape } from './list-query';

const pageQuery = z.object(pageQueryShape);

describe('containsPattern()', () => {
  it('wraps the text in wildcards', () => {
    expect(containsPattern('amina')).toBe('%amina%');
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('pageQueryShape', () => {
  it('defaults to the first page of 20', () => {
    expect(pageQuery.parse({})).toEqual({ page: 1, pageSize: 20 });
  });

  it('treats empty values as absent', () => {
    expect(pageQuery.parse({ page: '', pageSize: '' })).toEqual({ page: 1, pageSize: 20 });
  });

  it('reads numbers from query strings', () => {
    expect(pageQuery.parse({ page: '3', pageSize: '50' })).toEqual({ page: 3, pageSize: 50 });
  });

  it.each([
    ['page', { page: '0' }],
    ['page', { page: '1.5' }],
    ['pageSize', { pageSize: String(MAX_PAGE_SIZE + 1) }],
    ['pageSize', { pageSize: 'ten' }],
  ])('rejects an invalid %s', (field, query) => {
    const result = pageQuery.safeParse(query);

    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});

describe('idSchema', () => {
  it('accepts the largest integer id', () => {
    expect(idSchema.parse('2147483647')).toBe(2_147_483_647);
  });

  it.each(['0', '-1', '2147483648', 'abc', '1e3x'])('rejects %s', (value) => {
    expect(idSchema.safeParse(value).success).toBe(false);
  });
});
