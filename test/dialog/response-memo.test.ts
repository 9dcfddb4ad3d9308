/** Rendering once and validating once: fixed replies are shared, responses assembled from them are checked once. */
import { loadContent, Renderer, type Reply } from '../../src/content';
import type { ResponseDef } from '../../src/content/schema';
import { toSkillResponse } from '../../src/dialog/conversation';
import { SkillResponse } from '../../src/kakao/response';
import { ROOT } from '../helpers/app';

const content = loadContent(ROOT);
const ids = [...content.responses.keys()];
const params = { phone: '010-****-5678', phoneMasked: '010-****-5678', birthdate: '1985년 3월 7일', birthdateMasked: '1985-**-**', name: '홍*동' };

/** The same replies as fresh, unfrozen objects (what a reply rendered with params looks like). */
const thawed = (replies: Reply[]): Reply[] => replies.map((r) => structuredClone(r));

const isDeepFrozen = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(isDeepFrozen));

describe('Renderer: placeholders', () => {
  const renderer = new Renderer(content.responses);

  it('finds the placeholders of the dialog confirmation and none in an FAQ', () => {
    expect(renderer.hasPlaceholders('reset.confirm')).toBe(true);
    expect(renderer.hasPlaceholders('reset.done')).toBe(true);
    expect(renderer.hasPlaceholders('faq.signup')).toBe(false);
    expect(renderer.hasPlaceholders('reset.ask.birthdate')).toBe(false);
  });

  it('serves a response without placeholders from its frozen reply, whatever the params', () => {
    for (const id of ids.filter((i) => !renderer.hasPlaceholders(i))) {
      const fixed = renderer.render(id);
      expect(renderer.render(id, params)).toBe(fixed);
      expect(isDeepFrozen(fixed)).toBe(true);
    }
  });

  it('fills a response with placeholders on every call, into a fresh reply', () => {
    const a = renderer.render('reset.confirm', params);
    const b = renderer.render('reset.confirm', { ...params, name: '김*수' });
    expect(JSON.stringify(a)).toContain('홍*동');
    expect(JSON.stringify(b)).toContain('김*수');
    expect(Object.isFrozen(a)).toBe(false);
    expect(JSON.stringify(renderer.render('reset.confirm'))).toContain('{name}');
  });

  it('counts a placeholder in the label of a quick reply target', () => {
    const responses = new Map<string, ResponseDef>([
      ['target', { label: '{who} 메뉴', bubbles: [{ text: '메뉴' }] }],
      ['points', { bubbles: [{ text: '고르세요' }], quickReplies: [{ intent: 'target' }] }],
      ['plain', { bubbles: [{ text: '안녕하세요' }], quickReplies: [{ label: '처음', intent: 'plain' }] }],
    ]);
    const r = new Renderer(responses);
    expect(r.hasPlaceholders('points')).toBe(true);
    expect(r.hasPlaceholders('plain')).toBe(false);
    expect(r.render('points', { who: '나' }).quickReplies[0].label).toBe('나 메뉴');
  });
});

describe('toSkillResponse', () => {
  const renderer = new Renderer(content.responses);

  it('checks every response once, shares it frozen, and gives what assembling afresh gives', () => {
    for (const id of ids) {
      const replies = [renderer.render(id)];
      const first = toSkillResponse(replies);
      expect(SkillResponse.safeParse(first).success).toBe(true);
      expect(toSkillResponse([renderer.render(id)])).toBe(first);
      expect(isDeepFrozen(first)).toBe(true);
      const fresh = toSkillResponse(thawed(replies));
      expect(fresh).not.toBe(first);
      expect(fresh).toEqual(first);
    }
  });

  it('memoizes combinations of fixed replies (a dialog opening: intro + first question) by all their parts', () => {
    const intro = renderer.render('reset.intro');
    const ask = renderer.render('reset.ask.phone');
    const both = toSkillResponse([intro, ask]);
    expect(toSkillResponse([intro, ask])).toBe(both);
    expect(toSkillResponse([ask, intro])).not.toBe(both);
    expect(toSkillResponse([intro])).not.toBe(both);
    expect(both).toEqual(toSkillResponse(thawed([intro, ask])));
    expect(both.template.outputs.length).toBe(intro.outputs.length + ask.outputs.length);
    // outputs of one reply, quick replies of another (a dialog step keeping its prompt's quick replies)
    const mixed = toSkillResponse([{ outputs: intro.outputs, quickReplies: ask.quickReplies }]);
    expect(toSkillResponse([{ outputs: intro.outputs, quickReplies: ask.quickReplies }])).toBe(mixed);
    expect(mixed.template.quickReplies).toEqual(toSkillResponse([ask]).template.quickReplies);
  });

  it('assembles and checks a reply rendered with params every time', () => {
    const confirm = renderer.render('reset.confirm', params);
    const a = toSkillResponse([confirm]);
    const b = toSkillResponse([confirm]);
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    expect(SkillResponse.safeParse(a).success).toBe(true);
  });

  it('still refuses a reply that breaks a Kakao limit', () => {
    const tooLong: Reply = { outputs: [{ simpleText: { text: 'x'.repeat(1001) } }], quickReplies: [] };
    expect(() => toSkillResponse([tooLong])).toThrow();
    expect(() => toSkillResponse([Object.freeze({ outputs: Object.freeze([...tooLong.outputs]), quickReplies: Object.freeze([]) }) as unknown as Reply])).toThrow();
  });
});
