import { convertToParamMap } from '@angular/router';
import { DEFAULT_INBOX_QUERY, parseInboxQuery, toInboxParams } from './inbox-query';

describe('parseInboxQuery()', () => {
  it('uses the defaults for an empty URL', () => {
    expect(parseInboxQuery(convertToParamMap({}))).toEqual(
      jasmine.objectContaining({ ...DEFAULT_INBOX_QUERY, overdue: false, phase: null, q: null }),
    );
  });

  it('reads every filter', () => {
    const query = parseInboxQuery(
      convertToParamMap({
        scope: 'claimable',
        phase: 'preparation',
        careUnitId: 'u1',
        schoolId: 's1',
        programmeId: 'p1',
        dueBefore: '2027-04-01',
        overdue: 'true',
        q: ' Lina ',
        sort: '-dueAt',
        page: '3',
        pageSize: '50',
      }),
    );

    expect(query).toEqual({
      scope: 'claimable',
      phase: 'preparation',
      careUnitId: 'u1',
      schoolId: 's1',
      programmeId: 'p1',
      dueBefore: '2027-04-01',
      overdue: true,
      q: 'Lina',
      sort: '-dueAt',
      page: 3,
      pageSize: 50,
    });
  });

  it('ignores malformed values', () => {
    const query = parseInboxQuery(
      convertToParamMap({
        scope: 'everything',
        phase: 'lunch',
        dueBefore: 'soon',
        page: '-2',
        pageSize: '7',
        sort: 'name',
      }),
    );

    expect(query.scope).toBe('mine');
    expect(query.phase).toBeNull();
    expect(query.dueBefore).toBeNull();
    expect(query.page).toBe(1);
    expect(query.pageSize).toBe(20);
    expect(query.sort).toBe('dueAt');
  });
});

describe('toInboxParams()', () => {
  it('removes defaults and empty values and returns to the first page', () => {
    expect(toInboxParams({ scope: 'mine', phase: 'request', q: null, overdue: false })).toEqual({
      scope: null,
      phase: 'request',
      q: null,
      overdue: null,
      page: null,
    });
  });

  it('keeps the page when it is the change', () => {
    expect(toInboxParams({ page: 2, pageSize: 50 })).toEqual({ page: 2, pageSize: 50 });
  });
});
