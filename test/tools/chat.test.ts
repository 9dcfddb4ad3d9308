/** `npm run chat`: piped stdin, one line per turn; a number taps the quick reply shown with it; --url talks to a server. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeTestApp } from '../helpers/app';
import { runCli, tempDb } from './helpers';

const CHAT = 'src/cli/chat.ts';

/** The label shown as `[n] label` (first occurrence) in the chat output. */
function labelOf(stdout: string, n: number): string {
  const m = new RegExp(`\\[${n}\\] (.+?)(?:  |$)`, 'm').exec(stdout);
  if (!m) throw new Error(`no [${n}] in:\n${stdout}`);
  return m[1];
}

describe('npm run chat (in-process bot)', () => {
  it('answers piped questions and taps quick replies by number, sending messageText and extra', async () => {
    const run = await runCli(CHAT, ['--user', 'chat-test', '--inspect'], '리프레시 교육이 뭐예요?\n1\n', { EVENTS_DB: tempDb('chat') });
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('you> 리프레시 교육이 뭐예요?');
    expect(out).toContain('품질 개선 교육');
    expect(out).toMatch(/· nlu faq\.refresh_training \d\.\d\d → answered/);
    const label = labelOf(out, 1);
    const tap = new RegExp(`\\(tap: "${label}" \\+ clientExtra \\{"intent":"([\\w.]+)"\\}\\)`).exec(out);
    expect(tap).not.toBeNull();
    expect(out).toMatch(new RegExp(`· tap ${tap![1].replace('.', '\\.')} → (answered|menu|handoff)`));
    expect(out.split('bot>')).toHaveLength(3);
  });

  it('renders cards with their buttons, sends a number with nothing to tap as text, and switches users', async () => {
    const run = await runCli(CHAT, ['--inspect'], '42\n/user other\n상담원 연결해 주세요\n', { EVENTS_DB: tempDb('chat2') });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/you> 42\nbot> /);
    expect(run.stdout).not.toContain('(tap:');
    expect(run.stdout).toContain('now chatting as other');
    expect(run.stdout).toMatch(/│ \( 1533-0301 전화 ☎ 1533-0301 \)/);
    expect(run.stdout).toMatch(/· nlu handoff \d\.\d\d → handoff/);
  });
});

describe('npm run chat --url (a running server)', () => {
  it('talks to POST /skill with the shared secret from SKILL_SECRET', async () => {
    const env = { EVENTS_DB: tempDb('chat-url'), SKILL_SECRET: 'chat-test-secret' };
    const t = await makeTestApp(env);
    const server = http.createServer(t.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = await runCli(CHAT, ['--url', url, '--user', 'url-user'], '리프레시 교육이 뭐예요?\n1\n', env);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('품질 개선 교육');
      expect(run.stdout).toContain('(tap: "');
      const turns = t.logs().filter((l) => l.message === 'turn');
      expect(turns.map((l) => l.route)).toEqual(['nlu', 'tap']);
      const wrong = await runCli(CHAT, ['--url', url], '안녕하세요\n', { ...env, SKILL_SECRET: 'wrong' });
      expect(wrong.stdout).toMatch(/error: POST .*\/skill: HTTP 401/);
    } finally {
      server.close();
      await t.close();
    }
  });
});
