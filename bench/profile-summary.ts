/** Summarise a V8 .cpuprofile: self time by function and by package. Run: `npx tsx bench/profile-summary.ts <file>`. */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top=30] [inclusive-name,...]');
const top = Number(process.argv[3] ?? 30);
const inclusiveNames = (process.argv[4] ?? '').split(',').filter(Boolean);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const tally = (key: (n: ProfileNode) => string) => {
  const sums = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const k = key(byId.get(id)!);
    sums.set(k, (sums.get(k) ?? 0) + us);
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, top);
};
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
const where = (url: string) => url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|src)\//, '$1/');
const pkg = (url: string) => (url.includes('node_modules/') ? url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1') : url.startsWith('node:') ? 'node' : url ? 'ours' : '(native/gc/idle)');

console.log(`total ${(total / 1e6).toFixed(1)} s sampled\n\nby package:`);
for (const [k, us] of tally((n) => pkg(n.callFrame.url))) console.log(`${pct(us)}  ${k}`);
console.log('\nby function (self time):');
for (const [k, us] of tally((n) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`)) console.log(`${pct(us)}  ${k}`);

if (inclusiveNames.length) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  console.log('\ninclusive time (a frame counted once per sample):');
  for (const name of inclusiveNames) {
    let us = 0;
    for (const [id, self] of selfUs) {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (byId.get(at)!.callFrame.functionName === name) {
          us += self;
          break;
        }
      }
    }
    console.log(`${pct(us)}  ${name}`);
  }
}

/** Purpose of a sample: the innermost frame that names one, else the leaf's package. */
const PURPOSES: Array<[RegExp, string]> = [
  [/logTurn@|winston|logform|safe-stable-stringify|readable-stream|\/log\//, 'logging (turn line, redaction, winston)'],
  [/@nlpjs|\/nlu\//, 'NLU classification (normalize, NLP.js, cache)'],
  [/\/kakao\/(build|response|limits)|\/content\//, 'rendering + validating the response (zod)'],
  [/kakao\/payload|parse-skill/, 'payload parsing (zod)'],
  [/\/dialog\//, 'turn routing, dialogs, session store'],
  [/\/metrics\/|\/fallbacks\/|prom-client/, 'turn hooks (metrics, fallback recorder)'],
  [/helmet/, 'helmet headers'],
  [/\/http\/middleware\//, 'our middleware (request id, rate limit, secret)'],
  [/body-parser|raw-body|iconv-lite|type-is|content-type|media-typer/, 'body parsing (express.json)'],
  [/express|router|path-to-regexp|finalhandler|send|on-finished|parseurl/, 'express + router (incl. writing the response)'],
];
if (process.argv.includes('--areas')) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sums = new Map<string, number>();
  for (const [id, us] of selfUs) {
    let area: string | undefined;
    for (let at: number | undefined = id; at !== undefined && !area; at = parent.get(at)) {
      const { functionName, url } = byId.get(at)!.callFrame;
      area = PURPOSES.find(([re]) => re.test(`${functionName}@${url}`))?.[1];
    }
    const leaf = byId.get(id)!.callFrame;
    area ??= leaf.url.startsWith('node:') ? 'node http/net internals' : leaf.url ? `other: ${pkg(leaf.url)}` : leaf.functionName;
    sums.set(area, (sums.get(area) ?? 0) + us);
  }
  const busy = total - (sums.get('(idle)') ?? 0) - (sums.get('(program)') ?? 0);
  console.log('\nby purpose (share of busy time):');
  for (const [k, us] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((100 * us) / busy).toFixed(1).padStart(5)}%  ${k}`);
}
