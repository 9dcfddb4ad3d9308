/** Throwaway copies of the repository's content folders, and YAML edits on them (content tests, validate tests). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as YAML from 'js-yaml';
import { ROOT } from './app';

/** A temp folder holding copies of intents/, responses/ and flows/. */
export function copyContent(prefix = 'content'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bluebot-${prefix}-`));
  for (const sub of ['intents', 'responses', 'flows']) {
    if (fs.existsSync(path.join(ROOT, sub))) fs.cpSync(path.join(ROOT, sub), path.join(dir, sub), { recursive: true });
  }
  return dir;
}

/** Load `file` (relative to `dir`), let `change` edit the data, write it back. */
export function editYaml(dir: string, file: string, change: (data: any) => void): void {
  const full = path.join(dir, file);
  const data = YAML.load(fs.readFileSync(full, 'utf8'));
  change(data);
  fs.writeFileSync(full, YAML.dump(data));
}
