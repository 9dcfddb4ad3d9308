/**
 * What reading follow-ups costs (`src/dialog/followups.ts`), in one run: the follow-up set's two-message exchanges
 * through the whole bot (Conversation, memory sessions), with follow-ups on and off, alternating pass by pass, median
 * of the passes, in CPU µs per exchange and per second message. "Off" is the same bot with the session's answered FAQ
 * dropped before each turn (what main did: no context, no rule, no second reading). Each pass's texts carry a pass
 * number (`… 3번`) so no memo of a text seen before answers for it.
 *
 * Run: `npx tsx bench/followups-bench.ts [--passes=7]` (after `npm run train`).
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { Renderer } from '../src/content/render';
import { Conversation } from '../src/dialog/conversation';
import { FollowupRules } from '../src/dialog/followups';
import type { Session } from '../src/dialog/session';
import { MemoryStore } from '../src/dialog/stores/memory';
import { Bot } from '../src/dialog/turn';
import { createLogger } from '../src/log/logger';
import { readFollowups } from '../src/nlu/eval/followups';
import { isFaq } from '../src/nlu/labels';
import { loadOrTrain } from '../src/nlu/model';
import { loadCheckedContent } from '../src/server';
import { median } from './threads';

const PASSES = Number(process.argv.find((a) => a.startsWith('--passes='))?.split('=')[1] ?? 7);
const ROOT = path.join(__dirname, '..');

/** A memory store that forgets the answered FAQ: the bot before follow-ups. */
class NoContextStore extends MemoryStore<Session> {
  override async read(key: string): Promise<Session | undefined> {
    const s = await super.read(key);
    if (!s?.answered) return s;
    const { answered: _dropped, ...rest } = s;
    return rest;
  }
}

async function main(): Promise<void> {
  const { content, dialogs } = loadCheckedContent(ROOT);
  const rows = ['followups-v1.tsv', 'followups-v1-holdout.tsv'].flatMap((f) => readFollowups(path.join(ROOT, 'test/nlu', f), content.intents.map((i) => i.intent).filter(isFaq)));
  const { classifier } = await loadOrTrain(content, path.join(ROOT, 'models'));
  const renderer = new Renderer(content.responses);
  const bot = new Bot({ renderer, responses: content.responses, classifier, dialogs: dialogs.plugins, followups: FollowupRules.of(content) });
  const logger = createLogger({ level: 'error', stream: new Writable({ write: (_c, _e, cb) => cb() }) });
  const conversations = {
    on: new Conversation({ bot, store: new MemoryStore<Session>(), renderer, logger, budgetMs: 60_000 }),
    off: new Conversation({ bot, store: new NoContextStore(), renderer, logger, budgetMs: 60_000 }),
  };
  const results = { on: [] as number[], off: [] as number[] };
  const now = Date.now();
  const run = async (side: 'on' | 'off', pass: number) => {
    const c = conversations[side];
    const t = process.cpuUsage();
    for (const [i, row] of rows.entries()) {
      const userKey = `${side}-${pass}-${i}`;
      for (const [k, text] of [row.previous, row.followup].entries()) await c.respond({ requestId: `${userKey}-${k}`, userKey, utterance: `${text} ${pass}번`, clientExtra: {}, now: now + k });
    }
    const u = process.cpuUsage(t);
    results[side].push((u.user + u.system) / rows.length);
  };
  await run('on', -1); // warm-up, not counted
  await run('off', -1);
  results.on.length = results.off.length = 0;
  for (let pass = 0; pass < PASSES; pass++) for (const side of pass % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) await run(side, pass);
  const [on, off] = [median(results.on), median(results.off)];
  console.log(`${rows.length} two-message exchanges (follow-up sets v1, A and B), median of ${PASSES} passes per side (CPU µs per exchange)`);
  console.log(`follow-ups on: ${on.toFixed(0)} µs · off: ${off.toFixed(0)} µs · on/off ${(on / off).toFixed(3)}`);
}

void main();
