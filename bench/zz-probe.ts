import path from 'node:path';
import { loadContent } from '../src/content';
import { loadOrTrain } from '../src/nlu/model';
import { decide } from '../src/nlu/decide';
async function main() {
  const root = path.join(__dirname, '..');
  const content = loadContent(root);
  const { classifier } = await loadOrTrain(content, path.join(root, 'models'));
  for (const t of process.argv.slice(2)) {
    const r = await classifier.classify(t);
    const { neighbours, spread, ...rest } = r;
    console.log(t, '\n ', JSON.stringify(rest), '\n  nb', JSON.stringify(neighbours?.slice(0, 3)), '\n  →', JSON.stringify(decide(r)));
  }
}
void main();
