/**
 * Startup that tells the truth: with no model artifact, the real server (src/index.ts) trains in a worker thread.
 * Meanwhile /healthz answers 200 and /readyz 503 at once, and /skill answers a valid "starting" SkillResponse; then
 * /readyz turns 200 and the artifact is on disk.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expectValidResponse, textOf } from '../helpers/app';
import { getStatus, spawnServer, type ServerProcess } from '../helpers/server-process';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function postSkill(port: number, utterance: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/skill', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ userRequest: { utterance, user: { id: 'startup-user' } } }));
  });
}

describe('first start without a model', () => {
  let server: ServerProcess | undefined;
  afterAll(() => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('serves /healthz 200 and /readyz 503 promptly while training, then /readyz 200', async () => {
    const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-empty-model-'));
    server = await spawnServer({ env: { MODEL_DIR: modelDir }, until: 'listening' });
    const polls: Array<{ health: number; ready: number; slowest: number }> = [];
    let skillWhileTraining: { status: number; body: unknown } | undefined;
    const began = Date.now();
    while (Date.now() - began < 90_000) {
      const [health, ready] = await Promise.all([getStatus(server.port, '/healthz'), getStatus(server.port, '/readyz')]);
      polls.push({ health: health.status, ready: ready.status, slowest: Math.max(health.ms, ready.ms) });
      if (ready.status === 200) break;
      skillWhileTraining ??= await postSkill(server.port, '리프레시 교육이 뭐예요');
      await sleep(100);
    }
    const training = polls.filter((p) => p.ready === 503);
    // training takes a second or more: several polls were answered during it, all of them at once
    expect(training.length).toBeGreaterThanOrEqual(3);
    expect(training.every((p) => p.health === 200)).toBe(true);
    // the event loop is free: no answer waited for the training (2 s leaves room for a loaded machine)
    expect(Math.max(...training.map((p) => p.slowest))).toBeLessThan(2_000);
    expect(polls[polls.length - 1]).toMatchObject({ health: 200, ready: 200 });
    expect(skillWhileTraining?.status).toBe(200);
    expect(textOf(expectValidResponse(skillWhileTraining?.body))).toContain('준비하고 있어요');
    // the log says what happened, in order, and the trained artifact is kept for the next start (lines are written
    // asynchronously, so /readyz can say 200 a moment before the `ready` line is out)
    await server.waitFor('ready');
    const messages = server.lines.map((l) => l.message as string);
    const trainingLine = messages.findIndex((m) => m.startsWith('training the model'));
    expect(trainingLine).toBeGreaterThanOrEqual(0);
    expect(messages[trainingLine]).toContain('/readyz says 503'); // read by an operator as written, not masked
    expect(messages.indexOf('ready')).toBeGreaterThan(trainingLine);
    expect(fs.readdirSync(modelDir)).toEqual([expect.stringMatching(/^model-[0-9a-f]{16}\.json$/)]);
    const ready = await postSkill(server.port, '리프레시 교육이 뭐예요');
    expect(textOf(expectValidResponse(ready.body))).toContain('품질 개선 교육');
  }, 120_000);
});
