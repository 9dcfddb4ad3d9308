/** Menus for many FAQs (src/content/menus.ts): grouped by category past 10 quick replies, paged past 9 topics. */
import fs from 'node:fs';
import path from 'node:path';
import * as YAML from 'js-yaml';
import { ContentErrors, loadContent } from '../../src/content';
import { groupMenus } from '../../src/content/menus';
import type { ResponseDef } from '../../src/content/schema';
import { lintContent } from '../../src/cli/lint-content';
import { copyContent, editYaml } from '../helpers/content';
import { makeTestApp, quickReplyLabels, tapOf, textOf, type TestApp } from '../helpers/app';

const topic = (label: string, category?: string): ResponseDef => ({ label, ...(category ? { category } : {}), bubbles: [{ text: `${label} 답변` }] });
const CATS = { 'menu.a': { label: 'A 묶음', text: 'A 중에서 골라 주세요.' }, 'menu.b': { label: 'B 묶음', text: 'B 중에서 골라 주세요.' } };

function menuOf(ids: string[]): Map<string, ResponseDef> {
  const responses = new Map<string, ResponseDef>();
  ids.forEach((id, i) => responses.set(id, topic(`주제 ${i}`, i < 11 ? 'menu.a' : 'menu.b')));
  responses.set('handoff', topic('상담원 연결'));
  responses.set('greeting', { label: '처음으로', bubbles: [{ text: '메뉴' }], quickReplies: [...ids.map((intent) => ({ intent })), { intent: 'handoff' }] });
  return responses;
}

describe('groupMenus', () => {
  const ids = Array.from({ length: 14 }, (_, i) => `faq.t${i}`);

  it('leaves menus of 10 or fewer as written', () => {
    const small = menuOf(ids.slice(0, 9));
    expect(groupMenus(small, CATS, () => 'x').get('greeting')).toBe(small.get('greeting'));
  });

  it('groups a long menu into one quick reply per category, keeping entries without one', () => {
    const out = groupMenus(menuOf(ids), CATS, () => 'x');
    expect(out.get('greeting')?.quickReplies).toEqual([{ intent: 'menu.a' }, { intent: 'menu.b' }, { intent: 'handoff' }]);
  });

  it('pages a category of more than 9 topics: 8 + 더 보기 + 처음으로, then the rest', () => {
    const out = groupMenus(menuOf(ids), CATS, () => 'x');
    const first = out.get('menu.a')!;
    expect(first.label).toBe('A 묶음');
    expect(first.quickReplies).toHaveLength(10);
    expect(first.quickReplies?.[8]).toEqual({ label: '더 보기', text: 'A 묶음 더 보기', intent: 'menu.a.2' });
    expect(first.quickReplies?.[9]).toEqual({ intent: 'greeting' });
    expect(out.get('menu.a.2')?.quickReplies?.map((q) => q.intent)).toEqual(['faq.t8', 'faq.t9', 'faq.t10', 'greeting']);
    expect(out.get('menu.b')?.quickReplies?.map((q) => q.intent)).toEqual(['faq.t11', 'faq.t12', 'faq.t13', 'greeting']);
    expect(out.has('menu.b.2')).toBe(false);
  });

  it('names the file and field of an unknown category, a topic without one, and a clash with a response id', () => {
    const responses = menuOf(ids);
    responses.set('faq.t3', topic('주제 3', 'menu.nope'));
    responses.set('faq.t4', topic('주제 4'));
    responses.set('menu.b', topic('겹침'));
    const fileOf = (id: string) => `responses/${id}.yml`;
    let caught: unknown;
    try {
      groupMenus(responses, CATS, fileOf);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ContentErrors);
    const messages = (caught as ContentErrors).errors.map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'responses/faq.t3.yml: faq.t3.category: unknown category "menu.nope" (categories are listed in responses/_categories.yml)',
        expect.stringMatching(/^responses\/greeting\.yml: greeting\.quickReplies\[4\]: "faq\.t4" has no category/),
        expect.stringMatching(/^responses\/_categories\.yml: categories\.menu\.b: is also a response id/),
      ]),
    );
  });

  it('refuses a grouped menu that still has more than 10 quick replies', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`menu.c${i}`, { label: `묶음 ${i}`, text: '골라 주세요' }]));
    const responses = new Map<string, ResponseDef>();
    for (let i = 0; i < 12; i += 1) responses.set(`faq.t${i}`, topic(`주제 ${i}`, `menu.c${i}`));
    responses.set('greeting', { bubbles: [{ text: '메뉴' }], quickReplies: [...responses.keys()].map((intent) => ({ intent })) });
    expect(() => groupMenus(responses, many, () => 'responses/system.yml')).toThrow(/greeting\.quickReplies: groups into 12 quick replies; limit is 10/);
  });
});

describe('a bot with 20 FAQs (through /skill)', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = copyContent('menus');
    const extra: Record<string, ResponseDef> = {};
    for (let i = 0; i < 12; i += 1) extra[`faq.extra${i}`] = topic(`추가 질문 ${i}`, i < 10 ? 'menu.courses' : 'menu.schedule');
    fs.writeFileSync(path.join(dir, 'responses/faq.extra.yml'), YAML.dump(extra));
    editYaml(dir, 'responses/system.yml', (data) => {
      data.greeting.quickReplies.splice(8, 0, ...Object.keys(extra).map((intent) => ({ intent })));
    });
    app = await makeTestApp({ CONTENT_DIR: dir });
  }, 120_000);
  afterAll(async () => {
    await app?.close?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('validates, and the menu shows the categories, each opening its topics', async () => {
    expect(() => loadContent(dir)).not.toThrow();
    const menu = await app.say('처음으로', { user: 'menus' });
    expect(quickReplyLabels(menu)).toEqual(['가입·로그인', '일정·운행', '교육 과정·수료', '상담원 연결']); // first appearance in the list
    const courses = await app.say(tapOf(menu, '교육 과정·수료').text, { user: 'menus', extra: tapOf(menu, '교육 과정·수료').extra });
    expect(textOf(courses)).toContain('교육 과정과 수료');
    expect(quickReplyLabels(courses)).toEqual(['필수 교육 종류', '리프레시 교육', '기간 내 미수료', '추가 질문 0', '추가 질문 1', '추가 질문 2', '추가 질문 3', '추가 질문 4', '더 보기', '처음으로']);
    const more = await app.say(tapOf(courses, '더 보기').text, { user: 'menus', extra: tapOf(courses, '더 보기').extra });
    expect(quickReplyLabels(more)).toEqual(['추가 질문 5', '추가 질문 6', '추가 질문 7', '추가 질문 8', '추가 질문 9', '처음으로']);
    const answer = await app.say('추가 질문 7', { user: 'menus', extra: tapOf(more, '추가 질문 7').extra });
    expect(textOf(answer)).toBe('추가 질문 7 답변');
  });
});

describe('npm run validate', () => {
  it('reports an unknown category with the file and field', () => {
    const dir = copyContent('menus-lint');
    try {
      editYaml(dir, 'responses/faq.signup.yml', (data) => {
        data['faq.signup'].category = 'menu.unknown';
      });
      const { findings } = lintContent(dir);
      expect(findings).toContainEqual(
        expect.objectContaining({ level: 'error', file: 'responses/faq.signup.yml', field: 'faq.signup.category', message: expect.stringContaining('unknown category "menu.unknown"') }),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
