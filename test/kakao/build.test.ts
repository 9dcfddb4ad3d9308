/** Response builders keep every Kakao limit. */
import fc from 'fast-check';
import { ZodError } from 'zod';
import { LIMITS, simpleText, skillResponse, splitText, textCard, quickReply, SkillResponse } from '../../src/kakao';

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('안녕하세요')).toEqual(['안녕하세요']);
  });

  it('splits at paragraph breaks before the limit', () => {
    const a = '가'.repeat(600);
    const b = '나'.repeat(600);
    expect(splitText(`${a}\n\n${b}`)).toEqual([a, b]);
  });

  it('never returns a chunk over the limit and loses no non-space text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), fc.integer({ min: 10, max: 1000 }), (text, max) => {
        const chunks = splitText(text, max);
        expect(chunks.every((c) => c.length <= max && c.length > 0)).toBe(true);
        expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});

describe('skillResponse', () => {
  it('merges simpleTexts to fit 3 outputs', () => {
    const outputs = ['a', 'b', 'c', 'd'].flatMap((t) => simpleText(t));
    const res = skillResponse(outputs);
    expect(res.template.outputs).toHaveLength(3);
    expect(JSON.stringify(res)).toContain('a');
    expect(JSON.stringify(res)).toContain('d');
  });

  it('caps quick replies at 10 and drops duplicate labels', () => {
    const qrs = Array.from({ length: 14 }, (_, i) => quickReply(`주제 ${i % 12}`, `주제 ${i % 12}`));
    const res = skillResponse(simpleText('x'), qrs);
    expect(res.template.quickReplies).toHaveLength(LIMITS.quickReplies);
    expect(new Set(res.template.quickReplies!.map((q) => q.label)).size).toBe(LIMITS.quickReplies);
  });

  it('refuses what cannot be fixed: no outputs, long labels, four cards', () => {
    expect(() => skillResponse([])).toThrow();
    expect(() => skillResponse(simpleText('x'), [quickReply('열네 글자를 넘는 아주 긴 라벨입니다', 'x')])).toThrow();
    const card = textCard({ title: 't' });
    expect(() => skillResponse([card, card, card, card])).toThrow();
  });

  it('textCard keeps at most 3 buttons', () => {
    const b = { label: '전화', action: 'phone' as const, phoneNumber: '1533-0301' };
    const card = textCard({ description: 'd', buttons: [b, b, b, b] });
    expect(SkillResponse.parse({ version: '2.0', template: { outputs: [card] } })).toBeTruthy();
  });
});

describe('SkillResponse schema', () => {
  const ok = { version: '2.0', template: { outputs: [{ simpleText: { text: 'hi' } }] } };
  it.each([
    ['no version', { template: ok.template }],
    ['empty outputs', { version: '2.0', template: { outputs: [] } }],
    ['text over 1000', { version: '2.0', template: { outputs: [{ simpleText: { text: 'x'.repeat(1001) } }] } }],
    ['basicCard without thumbnail', { version: '2.0', template: { outputs: [{ basicCard: { title: 't' } }] } }],
    ['webLink without url', { version: '2.0', template: { outputs: [{ textCard: { title: 't', buttons: [{ label: 'l', action: 'webLink' }] } }] } }],
    ['javascript: url', { version: '2.0', template: { outputs: [{ textCard: { title: 't', buttons: [{ label: 'l', action: 'webLink', webLinkUrl: 'javascript:alert(1)' }] } }] } }],
    ['11 quick replies', { version: '2.0', template: { outputs: ok.template.outputs, quickReplies: Array.from({ length: 11 }, (_, i) => ({ label: `${i}`, action: 'message', messageText: `${i}` })) } }],
  ])('rejects %s', (_name, body) => {
    expect(SkillResponse.safeParse(body).success).toBe(false);
  });

  it('accepts the minimal response', () => {
    expect(SkillResponse.safeParse(ok).success).toBe(true);
  });
});

describe('skillResponse agrees with the whole schema (it checks parts, frozen parts once)', () => {
  const deepFreeze = <T>(v: T): T => {
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
      for (const x of Object.values(v)) deepFreeze(x);
      Object.freeze(v);
    }
    return v;
  };
  const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: 990, maxLength: 1010 }));
  const label = fc.string({ maxLength: 16 });
  const button = fc.oneof(
    fc.record({ label, action: fc.constant('message' as const), messageText: fc.string({ maxLength: 5 }) }),
    fc.record({ label, action: fc.constant('webLink' as const), webLinkUrl: fc.constantFrom('https://partner.kakaomobility.com', 'ftp://x', 'nope') }),
    fc.record({ label, action: fc.constant('phone' as const), phoneNumber: fc.constantFrom('1533-0301', 'abc') }),
  );
  const output = fc.oneof(
    text.map((t) => ({ simpleText: { text: t } })),
    fc.record({ title: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }), description: fc.option(fc.string({ maxLength: 410 }), { nil: undefined }), buttons: fc.option(fc.array(button, { maxLength: 4 }), { nil: undefined }) }).map((c) => ({
      textCard: Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)),
    })),
  );
  const qr = fc.record({ label, action: fc.constant('message' as const), messageText: fc.string({ maxLength: 5 }), extra: fc.constant({ intent: 'greeting' }) });

  it('accepts exactly what SkillResponse accepts, and returns the same JSON', () => {
    fc.assert(
      fc.property(fc.array(output, { maxLength: 5 }), fc.array(qr, { maxLength: 12 }), fc.boolean(), (outs, qrs, freeze) => {
        const parts = freeze ? deepFreeze([...outs.map((o) => structuredClone(o))]) : outs;
        const replies = freeze ? qrs.map((q) => deepFreeze(structuredClone(q))) : qrs;
        for (let round = 0; round < 2; round++) {
          // Either the whole schema accepts what skillResponse returns, or skillResponse threw the whole schema's
          // error (a part that fails sends the response through the whole schema, as skillResponse always did).
          try {
            const fast = skillResponse(parts as never, replies as never);
            expect(JSON.stringify(SkillResponse.parse(JSON.parse(JSON.stringify(fast))))).toBe(JSON.stringify(fast));
          } catch (err) {
            expect(err).toBeInstanceOf(ZodError);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('rejects what the schema rejects, with the schema\'s error, even for frozen parts seen before', () => {
    const ok = deepFreeze(simpleText('안녕하세요'));
    expect(skillResponse(ok).template.outputs[0]).toBe(ok[0]);
    expect(skillResponse(ok).template.outputs[0]).toBe(ok[0]);
    const long = deepFreeze([{ simpleText: { text: 'x'.repeat(1001) } }]);
    expect(() => skillResponse(long)).toThrow(/1000|too_big|Too big/i);
    expect(() => skillResponse(long)).toThrow();
    const card = deepFreeze(textCard({ title: 't' }));
    expect(skillResponse([card, card, card]).template.outputs).toHaveLength(3);
    expect(() => skillResponse([card, card, card, card])).toThrow(ZodError);
    const mutable = { simpleText: { text: 'ok' } };
    expect(() => skillResponse([mutable])).not.toThrow();
    mutable.simpleText.text = '';
    expect(() => skillResponse([mutable])).toThrow();
  });
});
