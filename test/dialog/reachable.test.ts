/** Every quick reply reachable from the menu, three taps deep, leads to a real answer (never the fallback). */
import { loadContent, Renderer } from '../../src/content';
import type { SkillResponse } from '../../src/kakao/response';
import { makeTestApp, ROOT, textOf, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ RATE_LIMIT_TURNS: '100000' }); // one walker sends hundreds of turns
});
afterAll(() => t.close());

const renderer = new Renderer(loadContent(ROOT).responses);
const FALLBACKS = ['None', 'None.again'].map((id) => JSON.stringify(renderer.render(id).outputs[0]));
const DEPTH = 3;

type Tap = { label: string; text: string; extra: Record<string, unknown> };

function tapsOf(res: SkillResponse): Tap[] {
  return (res.template.quickReplies ?? []).flatMap((q) =>
    q.action === 'message' ? [{ label: q.label, text: q.messageText, extra: q.extra ?? {} }] : [],
  );
}

/** Replay a path of taps from the menu; returns every answer on the way. */
async function replay(path: Tap[], user: string): Promise<SkillResponse[]> {
  const answers = [await t.say('메뉴', { user })];
  for (const tap of path) answers.push(await t.say(tap.text, { user, extra: tap.extra }));
  return answers;
}

/** Walk every tap path up to DEPTH taps after the menu; `userOf` picks who replays each path. */
async function walk(userOf: (n: number) => string): Promise<string[]> {
  const visited: string[] = [];
  let replays = 0;
  let frontier: Tap[][] = [[]];
  for (let depth = 0; depth <= DEPTH; depth++) {
    const next: Tap[][] = [];
    for (const path of frontier) {
      const answers = await replay(path, userOf(replays++));
      const res = answers[answers.length - 1];
      if (path.length > 0) {
        const where = path.map((p) => p.label).join(' > ');
        visited.push(where);
        if (FALLBACKS.includes(JSON.stringify(res.template.outputs[0]))) throw new Error(`${where} landed in the fallback:\n${textOf(res)}`);
      }
      if (depth < DEPTH) next.push(...tapsOf(res).map((tap) => [...path, tap]));
    }
    frontier = next;
  }
  return visited;
}

describe('tapping through the menu', () => {
  const MUST_VISIT = ['아이디·비번 분실 > 비밀번호 재설정 안내 > 취소', '첫 로그인 방법 > 단계별 따라하기 > 다음', '첫 로그인 방법 > 단계별 따라하기 > 잘 안 돼요'];

  it(`reaches no fallback within ${DEPTH} taps, each path by a fresh user (messageText + extra, as Kakao sends them)`, async () => {
    const visited = await walk((n) => `walker-${n}`);
    expect(visited).toEqual(expect.arrayContaining(MUST_VISIT));
    expect(visited.length).toBeGreaterThan(150);
  }, 120_000);

  it('reaches no fallback when one user walks every path, whatever state the last path left', async () => {
    const visited = await walk(() => 'one-walker');
    expect(visited).toEqual(expect.arrayContaining(MUST_VISIT));
  }, 120_000);
});
