/**
 * The console's synonyms save (`setSynonyms`) keeps intents/_synonyms.yml's comments and order: the rules at the top
 * and the section headings stay, unchanged entries stay byte for byte; the `yaml` package it uses is loaded on that
 * save only, never at startup.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { setSynonyms } from '../../../src/content/versions/draft';
import { ROOT } from '../../helpers/app';

const FILE = 'intents/_synonyms.yml';
const text = fs.readFileSync(path.join(ROOT, FILE), 'utf8');
const files = { [FILE]: text };
const current = (load(text) as { synonyms: Record<string, string[]> }).synonyms;
const comments = (yaml: string) => yaml.split('\n').filter((l) => l.trim().startsWith('#')).map((l) => l.trim());
const mapOf = (yaml: string) => (load(yaml) as { synonyms: Record<string, string[]> }).synonyms;

describe('setSynonyms keeps the file as people wrote it', () => {
  it('saving the same map changes nothing, byte for byte', () => {
    expect(comments(text).length).toBeGreaterThan(5);
    expect(setSynonyms(files, current)[FILE]).toBe(text);
  });

  it('an edited map: new lists, added and removed entries; every comment stays, other lines are untouched', () => {
    const removed = '아이디';
    expect(current).toHaveProperty(removed);
    const next: Record<string, string[]> = { ...current, 비밀번호: [...current['비밀번호'], '비밀넘버'], 수료증: ['수료쯩', '수료 증'] };
    delete next[removed];
    const out = setSynonyms(files, next)[FILE];
    expect(mapOf(out)).toEqual(next);
    expect(Object.keys(mapOf(out))).toEqual([...Object.keys(current).filter((k) => k !== removed), '수료증']); // order kept, new last
    expect(comments(out)).toEqual(comments(text));
    const changed = new Set(['비밀번호', removed, '수료증']);
    const untouched = (yaml: string) => yaml.split('\n').filter((l) => !/^\s+\S+:/.test(l) || !changed.has(l.trim().split(':')[0]));
    expect(untouched(out)).toEqual(untouched(text));
  });

  it('removing the entry under a section heading moves the heading to the next entry', () => {
    const out = setSynonyms(files, Object.fromEntries(Object.entries(current).filter(([k]) => k !== '교육')))[FILE];
    expect(text).toMatch(/# --- training terms ---\n {2}교육:/);
    expect(out).toMatch(/# --- training terms ---\n {2}입문:/);
    expect(comments(out)).toEqual(comments(text));
  });

  it('a file without a synonyms map is written whole', () => {
    for (const start of ['', 'other: 1\n', 'synonyms: [not, a, map]\n', 'synonyms: {a: [b]\n']) {
      const out = setSynonyms({ [FILE]: start }, { 비밀번호: ['비번'] })[FILE];
      expect(mapOf(out)).toEqual({ 비밀번호: ['비번'] });
    }
  });

  it('loads the yaml package on the first save only, not when the server starts', () => {
    const script = [
      "require('./src/server');",
      "const loaded = () => Object.keys(require.cache).some((k) => k.includes('/node_modules/yaml/'));",
      'const before = loaded();',
      "require('./src/content/versions/draft').setSynonyms({ 'intents/_synonyms.yml': 'synonyms:\\n  a: [b]\\n' }, { a: ['c'] });",
      'console.log(JSON.stringify([before, loaded()]));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out.trim())).toEqual([false, true]);
  });
});
