/** The logger's one-step line format writes exactly what `combine(redact, timestamp(), json())` wrote. */
import { Writable } from 'node:stream';
import fc from 'fast-check';
import winston from 'winston';
import { redact } from '../../src/log';
import crypto from 'node:crypto';
import { createLogger, userTag } from '../../src/log/logger';

/** The format chain the logger used before, as the reference. */
const reference = winston.format.combine(
  winston.format((info) => {
    const clean = redact({ ...info }) as Record<string, unknown>;
    for (const key of Object.keys(clean)) (info as Record<string, unknown>)[key] = clean[key];
    return info;
  })(),
  winston.format.timestamp(),
  winston.format.json(),
);

function capture(make: (stream: Writable) => winston.Logger): { log: winston.Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
  return { log: make(stream), lines };
}

const ours = () => capture((stream) => createLogger({ level: 'debug', stream }));
const theirs = () =>
  capture((stream) => winston.createLogger({ level: 'debug', format: reference, transports: [new winston.transports.Stream({ stream })] }));

/** Log the same thing to both, with a fixed timestamp so lines compare. */
function both(message: string, meta: Record<string, unknown>): [string, string] {
  const a = ours();
  const b = theirs();
  a.log.child({ module: 'm' }).info(message, { timestamp: '2026-01-01T00:00:00.000Z', ...meta });
  b.log.child({ module: 'm' }).info(message, { timestamp: '2026-01-01T00:00:00.000Z', ...meta });
  return [a.lines.join(''), b.lines.join('')];
}

describe('log line format', () => {
  it('is the same line as redact + timestamp + json for turn lines and odd values', () => {
    const cases: Array<Record<string, unknown>> = [
      { requestId: 'r1', user: 'abc', route: 'nlu', intent: 'faq.signup', score: 0.93, outcome: 'answered', latencyMs: 0, text: '교육 신청 010-1234-5678' },
      { intent: null, score: null, text: 'x', latencyMs: 3 },
      { nan: NaN, inf: Infinity, neg: -0, big: 1e21, small: 1e-7, t: true, f: false, u: undefined },
      { quote: 'a"b\\c\n\t\u0001', lone: '\ud800x', emoji: '😀', '10': 'ten', '9': 'nine', 'k"ey': 1, 'Z': 1, a: 1 },
      { nested: { phone: '01012345678', list: [1, 'a', null, { name: '홍길동' }] }, when: new Date(0) },
      { big: BigInt(12345678901234567890n), fn: () => 1, sym: Symbol('s') },
      JSON.parse('{"__proto__": "p", "a": 1}') as Record<string, unknown>,
      { error: new Error('boom'), password: 'Blue1234!', userName: '홍길동' },
    ];
    for (const meta of cases) {
      const [a, b] = both('turn', meta);
      expect(a).toBe(b);
    }
  });

  it('adds a timestamp unless one is given, and masks as before', () => {
    const { log, lines } = ours();
    log.info('turn', { text: '제 번호는 010-1234-5678 입니다' });
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(typeof line.timestamp).toBe('string');
    expect(line.text).toBe('제 번호는 010-****-5678 입니다');
    expect(Object.keys(line)).toEqual([...Object.keys(line)].sort());
  });

  it('agrees with the reference on generated flat and nested fields', () => {
    const key = fc.oneof(fc.constantFrom('text', 'phone', 'name', 'intent', 'score', 'a', 'message', 'level', '0', 'utterance'), fc.string({ maxLength: 8 }));
    const prim = fc.oneof(fc.string({ maxLength: 30 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const value = fc.oneof(prim, fc.array(prim, { maxLength: 3 }), fc.dictionary(key, prim, { maxKeys: 3 }));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (meta) => {
        for (const special of ['timestamp', 'message', 'level']) delete meta[special]; // winston's own keys
        const [a, b] = both('m', meta);
        expect(a).toBe(b);
      }),
      { numRuns: 300 },
    );
  });
});

describe('userTag', () => {
  it('is the first 12 hex digits of the key\'s SHA-256, every time', () => {
    for (const key of ['u1', 'u2', 'u1', '', '사용자', 'u2']) {
      expect(userTag(key)).toBe(crypto.createHash('sha256').update(key).digest('hex').slice(0, 12));
    }
  });
});
