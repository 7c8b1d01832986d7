import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { groupFieldProblems, toProblem } from './problem';

describe('toProblem()', () => {
  it('reads a problem+json body with field errors and extensions', () => {
    const error = new HttpErrorResponse({
      status: 423,
      headers: new HttpHeaders({ 'content-type': 'application/problem+json' }),
      error: {
        type: 'about:blank',
        status: 423,
        code: 'account_locked',
        detail: 'Locked.',
        lockedUntil: '2027-03-01T10:15:00.000Z',
        errors: [{ field: 'email', message: 'Too many attempts.' }],
      },
    });

    const problem = toProblem(error);

    expect(problem.status).toBe(423);
    expect(problem.code).toBe('account_locked');
    expect(problem.detail).toBe('Locked.');
    expect(problem.errors).toEqual([{ field: 'email', message: 'Too many attempts.' }]);
    expect(problem.extensions).toEqual({ lockedUntil: '2027-03-01T10:15:00.000Z' });
  });

  it('names a missing response a network error', () => {
    expect(toProblem(new HttpErrorResponse({ status: 0 })).code).toBe('network_error');
  });

  it('falls back to the status when the body is not a problem', () => {
    const problem = toProblem(
      new HttpErrorResponse({ status: 502, error: '<html>Bad gateway</html>' }),
    );

    expect(problem.code).toBe('http_502');
    expect(problem.errors).toEqual([]);
  });
});

describe('groupFieldProblems()', () => {
  it('groups messages by field after the prefix', () => {
    const grouped = groupFieldProblems(
      [
        { field: 'values.reason', message: 'Required.' },
        { field: 'values.reason', message: 'Too short.' },
        { field: 'values.rating', message: 'Between 1 and 5.' },
        { field: 'taskId', message: 'Unknown.' },
      ],
      'values.',
    );

    expect(grouped.get('reason')).toEqual(['Required.', 'Too short.']);
    expect(grouped.get('rating')).toEqual(['Between 1 and 5.']);
    expect(grouped.get('')).toEqual(['Unknown.']);
  });
});
