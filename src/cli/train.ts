/** `npm run train`: train the NLU from intents/ and write models/model-<hash>.json (what `npm start` loads). */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../content/load';
import { trainAndSave } from '../nlu/model';

/**
 * Train and save; resolves to the artifact path.
 * @example await runTrain(['--root', '.']) // 'models/model-<hash>.json'
 */
export async function runTrain(argv: string[], out: (line: string) => void = console.log): Promise<string> {
  const { values } = parseArgs({ args: argv, options: { root: { type: 'string' }, out: { type: 'string' } } });
  const root = path.resolve(values.root ?? process.env.CONTENT_DIR ?? '.');
  const modelDir = path.resolve(root, values.out ?? process.env.MODEL_DIR ?? 'models');
  const started = Date.now();
  const file = await trainAndSave(loadContent(root), modelDir);
  out(`trained in ${Date.now() - started} ms → ${path.relative(process.cwd(), file) || file}`);
  return file;
}

if (require.main === module) {
  runTrain(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
