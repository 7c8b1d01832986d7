import { safeReturnUrl } from './return-url';

describe('safeReturnUrl()', () => {
  it('keeps a path of this application', () => {
    expect(safeReturnUrl('/tasks?scope=claimable')).toBe('/tasks?scope=claimable');
  });

  it('replaces URLs that leave the application', () => {
    for (const url of ['https://evil.example/', '//evil.example', '/\\evil.example', 'tasks']) {
      expect(safeReturnUrl(url)).withContext(url).toBe('/home');
    }
  });

  it('does not return to the sign-in page', () => {
    expect(safeReturnUrl('/sign-in?reason=expired')).toBe('/home');
  });
});
