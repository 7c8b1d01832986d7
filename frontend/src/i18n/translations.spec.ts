import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

describe('translation files', () => {
  const english = flatten(en);

  for (const [language, translation] of Object.entries({ fr, nl })) {
    it(`${language} has exactly the English keys`, () => {
      const keys = flatten(translation);

      expect(Object.keys(keys).filter((key) => !(key in english))).toEqual([]);
      expect(Object.keys(english).filter((key) => !(key in keys))).toEqual([]);
    });

    it(`${language} keeps the placeholders of each English text`, () => {
      const keys = flatten(translation);
      const mismatches = Object.keys(english).filter(
        (key) => placeholders(english[key]) !== placeholders(keys[key] ?? ''),
      );

      expect(mismatches).toEqual([]);
    });
  }

  it('has no empty texts', () => {
    for (const translation of [en, fr, nl]) {
      expect(Object.entries(flatten(translation)).filter(([, text]) => !text.trim())).toEqual([]);
    }
  });
});

function flatten(tree: object, prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'object' && value !== null)
      Object.assign(result, flatten(value, `${prefix}${key}.`));
    else result[`${prefix}${key}`] = String(value);
  }
  return result;
}

function placeholders(text: string): string {
  return (text.match(/\{\{\s*\w+\s*\}\}/g) ?? [])
    .map((match) => match.replace(/\s/g, ''))
    .sort()
    .join(',');
}
