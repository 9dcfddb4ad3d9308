/** Per-turn shortcuts: the remembered exact key, content word keys computed once, a missing session without the schema. */
import { loadContent, Renderer } from '../../src/content';
import { initialSession, upgradeSession } from '../../src/dialog/session';
import { exactKey } from '../../src/dialog/taps';
import { clean } from '../../src/nlu/normalize';
import { ROOT } from '../helpers/app';

describe('exactKey', () => {
  it('gives the same keys however calls interleave', () => {
    const texts = ['처음 으로', '네, 맞아요!', '처음 으로', '', '010-1234-5678', '네, 맞아요!', 'ＡＢＣ  d', '처음 으로'];
    for (const text of [...texts, ...texts.reverse()]) expect(exactKey(text)).toBe(clean(text).replace(/\s/g, ''));
    expect(exactKey('처음 으로')).toBe('처음으로');
  });
});

describe('Renderer.offer', () => {
  const renderer = new Renderer(loadContent(ROOT).responses);
  const offering = [...loadContent(ROOT).responses].filter(([, def]) => def.offer);

  it('accepts every yes word of every offer, typed loosely, and nothing else', () => {
    expect(offering.length).toBeGreaterThan(0);
    for (const [id, def] of offering) {
      for (const yes of def.offer!.yes) expect(renderer.offer(id, ` ${yes}!! `, exactKey)).toBeDefined();
      expect(renderer.offer(id, '오늘 날씨 어때요', exactKey)).toBeUndefined();
    }
  });

  it('keys yes words with the key function it is given', () => {
    const [id, def] = offering[0];
    const upper = (t: string) => t.toUpperCase();
    expect(renderer.offer(id, def.offer!.yes[0], upper)).toBeDefined();
    expect(renderer.offer(id, ` ${def.offer!.yes[0]}`, upper)).toBeUndefined();
    expect(renderer.offer(id, ` ${def.offer!.yes[0]}`, exactKey)).toBeDefined();
  });
});

describe('upgradeSession without a stored session', () => {
  it('is a fresh initial session each time', () => {
    const a = upgradeSession(undefined);
    expect(a).toEqual(initialSession());
    a.fallbacks = 3;
    expect(upgradeSession(undefined)).toEqual(initialSession());
    expect(upgradeSession(null)).toEqual(initialSession());
  });
});
