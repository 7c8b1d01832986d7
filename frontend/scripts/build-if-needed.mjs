// Builds the web application unless its build is newer than every source file, so `npm start`
// stays fast after the first run. Pass --force to build regardless.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist/frontend/browser/index.html');
const sources = ['src', 'public', 'angular.json', 'package.json', 'tsconfig.json', 'tsconfig.app.json'];

function newestChange(entry) {
  const stats = fs.statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stats.mtimeMs);
}

const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
const changedAt = Math.max(
  ...sources.map((name) => path.join(root, name)).filter(fs.existsSync).map(newestChange),
);

if (process.argv.includes('--force') || changedAt > builtAt) {
  console.log('Building the web application (about a minute)...');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
} else {
  console.log('The web application build is up to date.');
}
