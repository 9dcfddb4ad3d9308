/** Runs every conversation script in test/conversations/*.yml through the real HTTP app, as Kakao would send it. */
import { loadContent, Renderer } from '../src/content';
import type { SkillResponse } from '../src/kakao/response';
import { durationMs, loadScripts, type Conversation, type Turn } from './conversations/script';
import { makeTestApp, quickReplyLabels, ROOT, textOf, type TestApp } from './helpers/app';

const START = Date.parse('2026-11-25T10:00:00+09:00');
let clock = START;
let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp({}, { now: () => clock });
});
afterAll(() => t.close());

const scripts = loadScripts();
const renderer = new Renderer(loadContent(ROOT).responses);
const FALLBACK_FIRST_BUBBLES = ['None', 'None.again', 'None.stuck'].map((id) => JSON.stringify(renderer.render(id).outputs[0]));

describe.each(scripts)('$file', ({ file, conversations }) => {
  it.each(conversations.map((c, i) => [c.name, c, i] as const))('%s', async (_name, conversation, i) => {
    await run(conversation, `${file}#${i}`);
  });
});

describe('privacy over the whole run', () => {
  const secrets = [...new Set(scripts.flatMap((s) => s.conversations.flatMap((c) => c.secrets)))];

  it('the scripts declare the values they type', () => {
    expect(secrets.length).toBeGreaterThan(10);
  });

  it('no slot value or password typed in any script appears in any log line', async () => {
    for (const { file, conversations } of scripts) for (const [i, c] of conversations.entries()) await run(c, `${file}#${i}#again`);
    const logs = t.logText();
    expect(logs).toContain('"message":"turn"');
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
      const digits = secret.replace(/\D/g, '');
      if (digits.length >= 6) expect(logs).not.toContain(digits);
    }
  }, 120_000);
});

/** Play one conversation: each turn's answer is checked, and taps use the previous answer of the same user. */
async function run(conversation: Conversation, prefix: string): Promise<void> {
  const last = new Map<string, SkillResponse>();
  for (const [n, turn] of conversation.turns.entries()) {
    if (turn.advance) {
      clock += durationMs(turn.advance);
      continue;
    }
    const user = `${prefix}:${turn.user}`;
    const where = `turn ${n + 1} (${turn.say !== undefined ? `say "${turn.say}"` : `tap "${turn.tap}"`})`;
    const res = turn.tap !== undefined ? await tap(last.get(user), turn.tap, user, where) : await t.say(turn.say as string, { user });
    last.set(user, res);
    await check(res, turn, user, where);
  }
}

async function tap(previous: SkillResponse | undefined, label: string, user: string, where: string): Promise<SkillResponse> {
  const buttons = (previous?.template.outputs ?? []).flatMap((o) => ('textCard' in o ? (o.textCard.buttons ?? []) : []));
  const target = [...(previous?.template.quickReplies ?? []), ...buttons].find((q) => q.label === label && q.action === 'message');
  if (!target || target.action !== 'message') {
    throw new Error(`${where}: no quick reply "${label}" in [${previous ? quickReplyLabels(previous).join(', ') : 'no previous answer'}]`);
  }
  return t.say(target.messageText ?? label, { user, extra: target.extra ?? {} });
}

async function check(res: SkillResponse, turn: Turn, user: string, where: string): Promise<void> {
  const text = textOf(res);
  const e = turn.expect;
  const context = `${where}\n--- answer ---\n${text}\n--- quick replies: ${quickReplyLabels(res).join(' | ')}`;
  const isFallback = FALLBACK_FIRST_BUBBLES.includes(JSON.stringify(res.template.outputs[0]));
  if (isFallback !== e.fallback) throw new Error(`${context}\nexpected ${e.fallback ? '' : 'no '}fallback`);
  for (const s of e.contains ?? []) if (!text.includes(s)) throw new Error(`${context}\nmissing "${s}"`);
  for (const s of e.notContains ?? []) if (text.includes(s)) throw new Error(`${context}\nmust not contain "${s}"`);
  const labels = quickReplyLabels(res);
  for (const l of e.quickReplies ?? []) if (!labels.includes(l)) throw new Error(`${context}\nmissing quick reply "${l}"`);
  const buttons = res.template.outputs.flatMap((o) => ('textCard' in o ? (o.textCard.buttons ?? []) : []));
  for (const url of e.links ?? []) {
    if (!buttons.some((b) => b.action === 'webLink' && b.webLinkUrl === url)) throw new Error(`${context}\nmissing webLink ${url}`);
  }
  for (const phone of e.phones ?? []) {
    if (!buttons.some((b) => b.action === 'phone' && b.phoneNumber === phone)) throw new Error(`${context}\nmissing phone button ${phone}`);
  }
  if (e.session) expect({ where, session: await sessionKind(user) }).toEqual({ where, session: e.session });
}

async function sessionKind(user: string): Promise<'none' | 'dialog' | 'idle'> {
  const session = await t.store.read(user);
  if (!session) return 'none';
  return session.dialog ? 'dialog' : 'idle';
}
