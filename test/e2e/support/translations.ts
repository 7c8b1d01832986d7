import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from './server';

/** Returns the text of a dotted key, such as `inbox.title`, from the app's translation file. */
export function translation(language: 'fr' | 'nl' | 'en', key: string): string {
  const file = path.join(REPOSITORY_ROOT, 'frontend', 'src', 'i18n', `${language}.json`);
  let node: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  if (typeof node !== 'string') throw new Error(`${file} has no text for "${key}".`);
  return node;
}
