import request from 'supertest';
import { makeTestApp } from './helpers/app';
it('probe', async () => {
  const t = await makeTestApp();
  const out: string[] = [];
  for (const text of ['안녕하세요 비번찾기', '안녕하세요 기사인데요 비번찾기', '안녕하세요 오용철 기사인데요 비번찾기', '안녕하세요 기사인데요 콜이 안 잡혀요', '안녕하세요 콜이 안 잡혀요', '안녕하세요 입니다 멤버십 요금 얼마에요','입니다 멤버십 요금 얼마에요', '기사입니다 오늘 무슨 요일이에요', '안녕하세요 기사인데요 리프레시?', '인데 운전면허 적성검사 기간 지났는데 어떡해요', '입니다 심심하다', '인데 자동결제 오류 났어요']) {
    const p = await request(t.app).post('/nlu/parse').send({ text });
    out.push(`${text} => ${p.body.intent} ${p.body.score} ${JSON.stringify(p.body.alternatives)} clause=${p.body.clause ?? ''}`);
  }
  console.log(out.join('\n'));
  await t.close();
});
