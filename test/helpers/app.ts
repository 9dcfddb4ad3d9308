/** Test harness: the real app (real content, real model) with captured logs and a Kakao-like `say`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { loadConfig, type Config } from '../../src/config';
import { SkillResponse } from '../../src/kakao/response';
import { createLogger } from '../../src/log/logger';
import { buildServer, type BuildOptions, type ServerParts } from '../../src/server';

export const ROOT = path.resolve(__dirname, '../..');
const LOG_DIR = path.join(ROOT, 'test-artifacts', 'logs');

export interface TestApp extends ServerParts {
  config: Config;
  /** Where the operator routes (simulator, /metrics) are served: the admin app, or `app` with ADMIN_PORT=off. */
  admin: NonNullable<ServerParts['adminApp']> | ServerParts['app'];
  /** Every log line written by this app, parsed. */
  logs(): Array<Record<string, unknown>>;
  /** Raw log text, for greps. */
  logText(): string;
  /** POST /skill as Kakao would: typed text, or a tap (messageText + extra as clientExtra). */
  say(utterance: string, opts?: SayOptions): Promise<SkillResponse>;
}

export interface SayOptions {
  user?: string;
  extra?: Record<string, unknown> | null;
}

/** Build the real server with overrides; waits until the model is ready. Logs also go to test-artifacts/logs. */
export async function makeTestApp(env: Record<string, string> = {}, opts: BuildOptions = {}): Promise<TestApp> {
  const eventsDb = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-events-')), 'events.sqlite');
  // versions off unless a test asks for them: each test app then serves its CONTENT_DIR's files, independent of any database
  const config = loadConfig({ LOG_LEVEL: 'debug', CONTENT_DIR: ROOT, SIMULATOR: 'on', EVENTS_DB: eventsDb, CONTENT_VERSIONS: 'off', ...env });
  const lines: string[] = [];
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const file = path.join(LOG_DIR, `${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}.jsonl`);
  const stream = new Writable({
    write(chunk, _enc, cb) {
      const text = chunk.toString();
      lines.push(text);
      fs.appendFile(file, text, () => cb());
    },
  });
  const logger = createLogger({ level: config.LOG_LEVEL, stream });
  const server = buildServer(config, logger, opts);
  await server.ready;
  const say = async (utterance: string, { user = 'test-user', extra }: SayOptions = {}) => {
    const res = await request(server.app)
      .post('/skill')
      .send({ userRequest: { utterance, user: { id: user } }, action: { clientExtra: extra ?? {} } });
    expect(res.status).toBe(200);
    return expectValidResponse(res.body);
  };
  return {
    ...server,
    config,
    admin: server.adminApp ?? server.app,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    logText: () => lines.join(''),
    say,
  };
}

/** Every response we send must pass our strict schema of Kakao's limits. */
export function expectValidResponse(body: unknown): SkillResponse {
  const result = SkillResponse.safeParse(body);
  if (!result.success) throw new Error(`invalid SkillResponse: ${JSON.stringify(result.error.issues)}\n${JSON.stringify(body)}`);
  return result.data;
}

/** All visible text of a response: bubbles, card titles/descriptions, button labels. */
export function textOf(res: SkillResponse): string {
  return res.template.outputs
    .map((o) => ('simpleText' in o ? o.simpleText.text : [o.textCard.title, o.textCard.description, ...(o.textCard.buttons ?? []).map((b) => b.label)].join('\n')))
    .join('\n');
}

export function quickReplyLabels(res: SkillResponse): string[] {
  return (res.template.quickReplies ?? []).map((q) => q.label);
}

/** Find a quick reply by label and return how Kakao would send its tap. */
export function tapOf(res: SkillResponse, label: string): { text: string; extra: Record<string, unknown> } {
  const qr = (res.template.quickReplies ?? []).find((q) => q.label === label);
  if (!qr) throw new Error(`no quick reply "${label}" in [${quickReplyLabels(res).join(', ')}]`);
  return { text: qr.messageText ?? qr.label, extra: qr.extra ?? {} };
}
