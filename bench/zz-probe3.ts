import path from 'node:path';
import { loadContent } from '../src/content/load';
import { loadOrTrain } from '../src/nlu/model';
async function main() {
  const root = process.cwd();
  const content = loadContent(root);
  const { classifier } = await loadOrTrain(content, path.resolve(root, 'models'));
  const after = process.argv[2] || undefined;
  for (const t of process.argv.slice(3)) {
    const r: any = await classifier.classify(t, after ? { after } : {});
    console.log(after, t, '→', r.intent, r.score.toFixed(2));
  }
}
main();
