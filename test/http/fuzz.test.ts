/**
 * Fuzzing the HTTP app with random mutations of real payloads (fast-check): every answer is a valid
 * 200 SkillResponse or a 4xx JSON error, never a 5xx, and the server stays healthy. Also property
 * tests of the payload parser. FUZZ_RUNS raises the number of payloads (default 300), FUZZ_SEED
 * picks another seed (the default is fixed so the run, and the log audit after it, are repeatable).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { ClientExtra, describeIssue, SkillPayload } from '../../src/kakao/payload';
import { expectValidResponse, makeTestApp, type TestApp } from '../helpers/app';
import { scanLine } from '../audit/scan';
import { ISSUE_LEAKS } from '../privacy/leaks';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const FIXTURES = path.join(__dirname, '../fixtures/payloads');
const payloads: Array<Record<string, unknown>> = fs
  .readdirSync(FIXTURES)
  .map((f) => JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) as Record<string, unknown>);

type Json = unknown;
type Path = Array<string | number>;

/** Every path to a value inside `value` (objects and arrays included, 8 levels deep), root first. */
function pathsOf(value: Json, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || at.length >= 8) return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => pathsOf(v, [...at, k]))];
}

function setAt(root: Json, where: Path, value: Json | typeof DELETE): Json {
  if (where.length === 0) return value === DELETE ? undefined : value;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy;
  for (const key of where.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = where[where.length - 1];
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}

const DELETE = Symbol('delete');

/** Deep nesting is spliced into the JSON text (building it as objects would overflow the test's own stack). */
const DEEP = /"\u0001deep:(array|object):(\d+)\u0001"/g;
const deepMarker = (depth: number, kind: 'array' | 'object'): string => `\u0001deep:${kind}:${depth}\u0001`;
const spliceDeep = (text: string): string =>
  text.replace(DEEP, (_m, kind: string, depth: string) => {
    const n = Number(depth);
    return kind === 'array' ? `${'['.repeat(n)}"x"${']'.repeat(n)}` : `${'{"a":'.repeat(n)}"x"${'}'.repeat(n)}`;
  });

/** Values that break assumptions: wrong types, huge and hostile strings, deep nesting. */
const hostileValue: fc.Arbitrary<Json | typeof DELETE> = fc.oneof(
  fc.constant(DELETE),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 42.5, '', [], {}, 'null', '{}', '[]'),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('\uD800', '\uDFFF', 'a\uD83Db', '\u0000', 'x\u0000y', '\uFEFF', '\u202E', '%00', '\\u0000', '<script>'),
  fc.tuple(fc.constantFrom('가', 'a', '\u0000', '\uD800', '0', ' ', '🚕'), fc.integer({ min: 1001, max: 20_000 })).map(([c, n]) => c.repeat(n)),
  fc.tuple(fc.integer({ min: 10, max: 12_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([d, k]) => deepMarker(d, k)),
  // issue #12: free-text PII that escaped masking, internal response ids as taps, simulator ids
  fc.constantFrom(...ISSUE_LEAKS.map((l) => l.text)),
  fc.constantFrom({ intent: 'reset.confirm' }, { intent: 'reset.give_up' }, { intent: 'system.error' }, { action: 'reset.nowhere' }, 'sim-fuzz', 'SIM-x'),
);

/** A mutated payload, serialised: 1–3 field mutations, then maybe truncation or byte-level damage. */
const mutatedBody: fc.Arbitrary<{ body: Buffer; user: string }> = fc
  .tuple(fc.constantFrom(...payloads), fc.uuid(), fc.array(fc.tuple(fc.nat(), hostileValue), { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat({ max: 9 }))
  .map(([fixture, uuid, mutations, cut, damage]) => {
    let value: Json = setAt(fixture, ['userRequest', 'user', 'id'], `fuzz-${uuid}`);
    for (const [pick, replacement] of mutations) {
      const paths = pathsOf(value);
      value = setAt(value, paths[pick % paths.length], replacement);
    }
    let text = spliceDeep(JSON.stringify(value) ?? '');
    if (damage === 0) text = text.slice(0, cut % (text.length + 1));
    if (damage === 1) text = text.replace(/"utterance":"/, '"utterance":"\u0000');
    let body = Buffer.from(text, 'utf8');
    if (damage === 2) body = Buffer.concat([body.subarray(0, cut % (body.length + 1)), Buffer.from([0xed, 0xa0, 0x80, 0xff, 0xfe]), body.subarray(cut % (body.length + 1))]);
    return { body, user: `fuzz-${uuid}` };
  });

interface Answer {
  status: number;
  type: string;
  body: unknown;
}

/** POST raw bytes (supertest would re-encode a Buffer as JSON). */
function post(server: http.Server, route: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: route, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A 4xx must still be JSON `{error: string}`; a 200 must be a valid SkillResponse. */
function expectSafeAnswer(res: Answer): void {
  if (res.status === 200) {
    expectValidResponse(res.body);
    return;
  }
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.type).toMatch(/application\/json/);
  expect(res.body).toEqual({ error: expect.any(String) });
}

describe('fuzzing POST /skill with mutated real payloads', () => {
  let t: TestApp;
  let server: http.Server;
  beforeAll(async () => {
    t = await makeTestApp({ LOG_LEVEL: 'info' });
    server = http.createServer(t.app).listen(0);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await t.close();
  });

  it(`answers ${RUNS} malformed payloads with a valid 200 or a 4xx JSON error, never a 5xx`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(mutatedBody, async ({ body }) => {
        const res = await post(server, '/skill', body);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expectSafeAnswer(res);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // the mutations reach both sides: some payloads still parse, many do not
    expect(statuses.get(200)).toBeGreaterThan(RUNS / 10);
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 10);
  });

  it('answers odd bodies, content types and methods with JSON, never a 5xx', async () => {
    const odd: Array<[string, string | Buffer]> = [
      ['application/json', ''],
      ['application/json', 'null'],
      ['application/json', '"just a string"'],
      ['application/json', '[]'],
      ['application/json', '['.repeat(30_000) + ']'.repeat(30_000)],
      ['application/json', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
      ['application/json', Buffer.from([0xff, 0xfe, 0x00, 0x7b])],
      ['application/json; charset=utf-16', '{}'],
      ['text/plain', '{"userRequest":{"utterance":"hi","user":{"id":"x"}}}'],
      ['application/x-www-form-urlencoded', 'a=1&b=2'],
    ];
    for (const [type, body] of odd) expectSafeAnswer(await post(server, '/skill', body, { 'content-type': type }));
    expectSafeAnswer(await post(server, '/skill', 'not gzip', { 'content-encoding': 'gzip' }));
    expectSafeAnswer(await post(server, '/skill', '{}', { 'content-encoding': 'br' }));
    expect((await request(server).get('/skill')).status).toBe(404);
    expect((await request(server).put('/skill').send({})).status).toBe(404);
  });

  it('fuzzes POST /nlu/parse the same way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, fc.record({ text: hostileValue })), async (value) => {
        const res = await post(server, '/nlu/parse', spliceDeep(JSON.stringify(value === DELETE ? {} : value) ?? ''));
        if (res.status === 200) expect(res.body).toEqual(expect.objectContaining({ intent: expect.any(String), score: expect.any(Number) }));
        else expectSafeAnswer(res);
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED },
    );
  });

  it('stays healthy afterwards and still answers a real payload', async () => {
    expect((await request(server).get('/healthz')).status).toBe(200);
    const res = await request(server).post('/skill').set('x-request-id', 'after-fuzz').send({ userRequest: { utterance: '회원가입 필요?', user: { id: 'after-fuzz' } }, action: { clientExtra: { intent: 'faq.signup' } } });
    expect(res.status).toBe(200);
    expect(JSON.stringify(expectValidResponse(res.body))).toContain('회원가입');
    // log lines are captured asynchronously and in order: once this turn's line is in, all are
    for (let waited = 0; !t.logs().some((l) => l.requestId === 'after-fuzz'); waited += 10) {
      if (waited > 5000) throw new Error('the last turn was never logged');
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(t.logs().filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('issue #12 PII through the whole app, with utterances logged (LOG_UTTERANCES=masked)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ LOG_UTTERANCES: 'masked' });
  });
  afterAll(() => t.close());

  const wrappers = fc.constantFrom(
    (p: string) => p,
    (p: string) => `안녕하세요 ${p}`,
    (p: string) => `${p} 비밀번호 재설정 문의드려요`,
    (p: string) => `교육비 환급 되나요? ${p}`,
  );

  it('no log line holds what the audit would call PII, whatever the wrapping', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ISSUE_LEAKS), wrappers, fc.nat({ max: 999 }), async (leak, wrap, n) => {
        const res = await request(t.app).post('/skill').send({ userRequest: { utterance: wrap(leak.text), user: { id: `leak-${n}` } } });
        expect(res.status).toBe(200);
      }),
      { numRuns: 120, seed: SEED },
    );
    await new Promise((r) => setTimeout(r, 200)); // lines are written after each answer
    const findings = t.logs().flatMap((line) => scanLine(line));
    expect(findings).toEqual([]);
    // request ids are random hex (one may hold `1974`): the secrets are looked for in everything else
    const logged = JSON.stringify(t.logs().map(({ requestId: _id, ...rest }) => rest));
    for (const { secret } of ISSUE_LEAKS) expect(logged).not.toContain(secret);
  });

  it('fuzzes the simulator endpoint too: a valid answer or a 4xx JSON error, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, fc.constantFrom(...ISSUE_LEAKS.map((l) => l.text))), async (value) => {
        const res = await request(t.admin).post('/simulator/api/turn').send({ userRequest: { utterance: value, user: { id: 'sim-fuzz' } } });
        expect(res.status).toBeLessThan(500);
        if (res.status === 200) expectValidResponse(res.body.response);
        else expect(res.body).toEqual({ error: expect.any(String) });
      }),
      { numRuns: 25, seed: SEED },
    );
  });
});

describe('SkillPayload (property)', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), mutatedBody.map(({ body }) => safeJson(body))), (value) => {
        const result = SkillPayload.safeParse(value);
        if (!result.success) expect(describeIssue(result.error, value)).toMatch(/\S/);
      }),
      { seed: SEED },
    );
  });

  it('accepts every real payload with any extra unknown fields, keeping utterance and user id', () => {
    fc.assert(
      fc.property(fc.constantFrom(...payloads), fc.dictionary(fc.string({ minLength: 1 }).filter((k) => !(k in {})), fc.jsonValue({ maxDepth: 2 })), (fixture, extra) => {
        const body = { ...extra, ...fixture };
        const parsed = SkillPayload.parse(body);
        const original = fixture as { userRequest: { utterance: string; user: { id: string } } };
        expect(parsed.userRequest.utterance).toBe(original.userRequest.utterance);
        expect(parsed.userRequest.user.id).toBe(String(original.userRequest.user.id));
      }),
      { seed: SEED },
    );
  });

  it('reads any clientExtra as a plain object', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const extra = ClientExtra.parse(value);
        expect(typeof extra === 'object' && extra !== null && !Array.isArray(extra)).toBe(true);
      }),
      { seed: SEED },
    );
  });

  it('names the first bad field when a required one is missing or mistyped', () => {
    fc.assert(
      fc.property(fc.constantFrom(...payloads), fc.constantFrom<Path>(['userRequest', 'utterance'], ['userRequest', 'user', 'id'], ['userRequest', 'user']), fc.constantFrom(DELETE, 42, null, [], true), (fixture, where, bad) => {
        const body = setAt(fixture, where, bad);
        const result = SkillPayload.safeParse(body);
        if (bad === 42 && where.join('.') === 'userRequest.user.id') return void expect(result.success).toBe(true); // a numeric id is read as a string
        expect(result.success).toBe(false);
        if (!result.success) expect(describeIssue(result.error, body)).toContain(where.join('.'));
      }),
      { seed: SEED },
    );
  });
});

function safeJson(body: Buffer): Json {
  try {
    return JSON.parse(body.toString('utf8')) as Json;
  } catch {
    return body.toString('utf8');
  }
}
