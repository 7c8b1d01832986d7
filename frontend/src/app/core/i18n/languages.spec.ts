import { matchLanguage } from './languages';

describe('matchLanguage()', () => {
  it('matches a regional browser language to its base language', () => {
    expect(matchLanguage(['nl-BE', 'en-US'])).toBe('nl');
  });

  it('skips unsupported languages in order', () => {
    expect(matchLanguage(['de-DE', 'fr-FR', 'en'])).toBe('fr');
  });

  it('returns null when no language is supported', () => {
    expect(matchLanguage(['de', 'es', null])).toBeNull();
  });
});
