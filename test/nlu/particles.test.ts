import fc from 'fast-check';
import { PARTICLES, splitParticle } from '../../src/nlu/particles';
import { asNoun } from '../../src/nlu/heads';

describe('particles: one list for every step that reads noun + particle', () => {
  it('splits the longest particle that leaves enough of the word', () => {
    expect(splitParticle('수료증을')).toEqual({ stem: '수료증', particle: '을' });
    expect(splitParticle('교육장에서는')).toEqual({ stem: '교육장', particle: '에서는' });
    expect(splitParticle('상담원한테')).toEqual({ stem: '상담원', particle: '한테' });
    expect(splitParticle('교육이에요')).toEqual({ stem: '교육', particle: '이에요' });
    expect(splitParticle('콜이')).toEqual({ stem: '콜', particle: '이' });
    expect(splitParticle('콜이', 2)).toEqual({ stem: '콜이', particle: '' });
    expect(splitParticle('교육')).toEqual({ stem: '교육', particle: '' });
  });

  it('a split can keep two syllables; the head-noun check reads the same particles', () => {
    expect(splitParticle('영상과', 2).stem).toBe('영상');
    expect(splitParticle('가', 2).stem).toBe('가');
    expect(asNoun('일정좀')).toEqual({ noun: '일정', particle: '좀' });
    expect(asNoun('영상과')).toEqual({ noun: '영상', particle: '과' });
    expect(asNoun('수료증이요')).toEqual({ noun: '수료증', particle: '이요' });
    for (const w of ['돼요', '해요']) expect(asNoun(w)).toBeUndefined();
  });

  it('is ordered longest first, so a particle is never cut by its own tail', () => {
    PARTICLES.forEach((p, i) => {
      for (const q of PARTICLES.slice(0, i)) expect(p.length <= q.length || !p.endsWith(q)).toBe(true);
    });
  });

  it('stem + particle is the word, and the stem keeps at least minStem syllables', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'교육영상이가은는을를에서로과와요좀'), maxLength: 8 }), fc.integer({ min: 1, max: 3 }), (w, min) => {
        const { stem, particle } = splitParticle(w, min);
        expect(stem + particle).toBe(w);
        if (particle) expect(stem.length).toBeGreaterThanOrEqual(min);
      }),
    );
  });
});
