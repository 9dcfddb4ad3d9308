/**
 * The privacy masker (`maskKept`, as the events writer masks each new kept text) on real texts, old against new in one
 * run: the frozen copy in test/privacy/oracle (the masker before it was made faster) and src/log/mask.ts, alternating
 * pass by pass, CPU µs per text, median of the passes. Texts: `test/privacy/mask-corpus.ts` (dev sets, training
 * utterances, the bench mix's `… 123번` variants, privacy test strings, PII templates), in groups.
 *
 * Run: `npx tsx bench/mask-bench.ts [--passes=7] [--profile=out.cpuprofile]` (`--profile`: a V8 CPU profile of the new
 * side only, read with `bench/profile-summary.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadContent } from '../src/content';
import { maskKept } from '../src/log/mask';
import { setKnownWords } from '../src/privacy';
import { maskKept as oracleMaskKept } from '../test/privacy/oracle/mask';
import { setKnownWords as oracleSetKnownWords } from '../test/privacy/oracle/names';
import { maskCorpus, piiTexts } from '../test/privacy/mask-corpus';
import { median, startProfile } from './threads';

const args = process.argv.slice(2);
const PASSES = Number(args.find((a) => a.startsWith('--passes='))?.split('=')[1] ?? 7);
const PROFILE = args.find((a) => a.startsWith('--profile='))?.split('=')[1];

const content = loadContent(path.join(__dirname, '..'));
const words = [content.nluSource, JSON.stringify([...content.responses.values()])];
setKnownWords(words);
oracleSetKnownWords(words);

const all = maskCorpus();
const pii = new Set(piiTexts());
const groups: Record<string, string[]> = {
  'all texts': all,
  'no digit (plain questions)': all.filter((t) => !/[0-9０-９]/.test(t) && !pii.has(t)),
  'with digits (incl. the mix\'s `… 123번`)': all.filter((t) => /[0-9０-９]/.test(t) && !pii.has(t)),
  'PII templates': all.filter((t) => pii.has(t)),
};

function cpuPerText(mask: (t: string) => string, texts: string[]): number {
  const start = process.cpuUsage();
  let n = 0;
  for (const t of texts) n += mask(t).length;
  const used = process.cpuUsage(start);
  if (n < 0) console.log(n);
  return (used.user + used.system) / texts.length;
}


async function main(): Promise<void> {
  for (const t of all) if (maskKept(t) !== oracleMaskKept(t)) throw new Error(`outputs differ: ${t}`);
  console.log(`${all.length} texts, outputs equal; ${PASSES} passes per side, alternating`);
  for (const [name, texts] of Object.entries(groups)) {
    cpuPerText(oracleMaskKept, texts); // warm both
    cpuPerText(maskKept, texts);
    const old: number[] = [];
    const now: number[] = [];
    for (let p = 0; p < PASSES; p++) {
      if (p % 2) {
        now.push(cpuPerText(maskKept, texts));
        old.push(cpuPerText(oracleMaskKept, texts));
      } else {
        old.push(cpuPerText(oracleMaskKept, texts));
        now.push(cpuPerText(maskKept, texts));
      }
    }
    const [o, n] = [median(old), median(now)];
    console.log(`${name} (${texts.length}): old ${o.toFixed(2)} µs, new ${n.toFixed(2)} µs per text, new/old ${(n / o).toFixed(3)} (old ${old.map((x) => x.toFixed(1)).join(' ')}; new ${now.map((x) => x.toFixed(1)).join(' ')})`);
  }
  if (PROFILE) {
    const profiler = await startProfile(50);
    for (let p = 0; p < 5; p++) cpuPerText(maskKept, all);
    await profiler.stop(PROFILE);
    console.log(`profile: ${PROFILE}`);
  }
}

void main();
