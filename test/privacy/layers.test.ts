/** One home for PII recognition: src/privacy and the masker lean on nothing above them. */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/app';

const importsOf = (dir: string) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => Array.from(fs.readFileSync(path.join(ROOT, dir, f), 'utf8').matchAll(/from '([^']+)'/g), (m) => `${dir}/${f}: ${m[1]}`));

describe('layers', () => {
  it('src/privacy imports only itself and node', () => {
    expect(importsOf('src/privacy').filter((i) => /from|: \.\.\//.test(i) && i.includes(': ../'))).toEqual([]);
  });

  it('src/log imports src/privacy, never the dialog layer', () => {
    const log = importsOf('src/log');
    expect(log.filter((i) => i.includes('dialog'))).toEqual([]);
    expect(log.some((i) => i.endsWith(': ../privacy'))).toBe(true);
  });
});
