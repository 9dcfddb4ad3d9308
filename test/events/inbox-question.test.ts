/** The inbox groups missed questions by the question, not by the greeting, introduction or thanks around it (through POST /skill). */
import { makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

it('puts one missed question typed with and without a greeting, a name or thanks in one group, names masked', async () => {
  const variants = ['콜이 자꾸 안 잡혀요', '안녕하세요 변하율 기사입니다 콜이 자꾸 안 잡혀요', '콜이 자꾸 안 잡혀요 감사합니다', '저는 모다온인데요 콜이 자꾸 안 잡혀요ㅠㅠ 도와주세요'];
  for (const [i, text] of variants.entries()) await t.say(text, { user: `inbox-q-${i}` });
  await t.say('주말에 비 온대요 감사합니다', { user: 'inbox-q-other' });
  await t.recorder?.flush();
  const { db } = await t.events.get();
  const groups = await db.selectFrom('inbox_groups').select(['id', 'text', 'count']).orderBy('id').execute();
  expect(groups.map((g) => [g.text, g.count])).toEqual([
    ['콜이 자꾸 안 잡혀요', 4],
    ['주말에 비 온대요 감사합니다', 1],
  ]);
  const texts = await db.selectFrom('inbox_texts').select(['group_id', 'text']).orderBy('text').execute();
  expect(texts).toHaveLength(5);
  expect(new Set(texts.filter((x) => x.group_id === groups[0].id).map((x) => x.text))).toEqual(
    new Set(['콜이 자꾸 안 잡혀요', '안녕하세요 [이름 가림] 기사입니다 콜이 자꾸 안 잡혀요', '콜이 자꾸 안 잡혀요 감사합니다', '저는 [이름 가림]인데요 콜이 자꾸 안 잡혀요ㅠㅠ 도와주세요']),
  );
  expect(JSON.stringify(texts)).not.toMatch(/변하율|모다온/);
});
