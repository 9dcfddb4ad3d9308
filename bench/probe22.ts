import path from 'node:path';
import { loadContent } from '../src/content';
import { loadOrTrain } from '../src/nlu/model';
import { decide } from '../src/nlu/decide';
(async () => {
  const content = loadContent(path.join(__dirname, '..'));
  const { classifier } = await loadOrTrain(content, path.join(__dirname, '..', 'models'));
  for (const text of process.argv.slice(2)) {
    const r = await classifier.classify(text);
    const d = decide(r);
    console.log(text, '=>', r.intent, r.score.toFixed(2), JSON.stringify(r.alternatives.slice(0, 3).map((a) => `${a.intent}:${a.score.toFixed(2)}`)), 'clause=', r.clause ?? '', 'head=', r.unknownHead ?? '', 'topic=', r.topic ?? '', 'support=', r.support?.toFixed(2) ?? '', '→', d.kind, (d as { reason?: string }).reason ?? '');
  }
})();
