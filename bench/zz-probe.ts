import path from 'node:path';
import { loadContent } from '../src/content/load';
import { loadOrTrain } from '../src/nlu/model';
import { decide } from '../src/nlu/decide';
async function main() {
  const root = process.cwd();
  const content = loadContent(root);
  const { classifier } = await loadOrTrain(content, path.resolve(root, 'models'));
  for (const t of process.argv.slice(2)) {
    const r: any = await classifier.classify(t);
    const d = decide(r);
    console.log(t, '→', r.intent, r.score.toFixed(2), 'support', r.support?.toFixed(2), 'nb', (r.neighbours ?? []).slice(0, 3).map((n: any) => `${n.intent}:${n.similarity.toFixed(2)}:${n.text ?? ''}`).join(' | '), 'alts', r.alternatives.map((a: any) => `${a.intent}:${a.score.toFixed(2)}`).join(','), '⇒', JSON.stringify(d));
  }
}
main();
