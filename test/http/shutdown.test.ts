/** Graceful shutdown of the real process (src/index.ts): SIGTERM/SIGINT finish requests in flight and exit 0. */
import http from 'node:http';
import { expectValidResponse, textOf } from '../helpers/app';
import { getStatus, spawnServer, type ServerProcess } from '../helpers/server-process';

type Running = ServerProcess;
const start = () => spawnServer();

const body = JSON.stringify({ userRequest: { utterance: '회원가입 필요?', user: { id: 'shutdown-user' } }, action: { clientExtra: { intent: 'faq.signup' } } });

/** Start a POST whose body is only half sent; `finish()` sends the rest and resolves with the response. */
function halfSentRequest(port: number, agent?: http.Agent) {
  const bytes = Buffer.from(body);
  let resolveRes!: (r: { status: number; text: string }) => void;
  const response = new Promise<{ status: number; text: string }>((r) => (resolveRes = r));
  const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/skill', agent, headers: { 'content-type': 'application/json', 'content-length': bytes.length } }, (res) => {
    let text = '';
    res.setEncoding('utf8').on('data', (d: string) => (text += d));
    res.on('end', () => resolveRes({ status: res.statusCode ?? 0, text }));
  });
  const errored = new Promise<Error>((r) => req.on('error', r));
  req.write(bytes.subarray(0, 20));
  return {
    response,
    errored,
    finish: () => {
      req.end(bytes.subarray(20));
      return response;
    },
  };
}

const get = async (port: number, route: string, agent?: http.Agent): Promise<number> => (await getStatus(port, route, agent)).status;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown', () => {
  let running: Running | undefined;
  afterEach(() => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
  });

  it('on SIGTERM stops accepting, finishes the request in flight, and exits 0', async () => {
    running = await start();
    const { child, port, exited, waitFor } = running;
    const inFlight = halfSentRequest(port);
    await sleep(100);
    const signalled = Date.now();
    child.kill('SIGTERM');
    await waitFor('shutting down');
    await expect(get(port, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
    const res = await inFlight.finish();
    expect(res.status).toBe(200);
    expect(textOf(expectValidResponse(JSON.parse(res.text)))).toContain('회원가입');
    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    expect(running.lines.map((l) => l.message)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
  });

  it('on SIGINT exits 0 at once, even with an idle keep-alive connection open', async () => {
    running = await start();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect(await get(running.port, '/healthz', agent)).toBe(200);
    const signalled = Date.now();
    running.child.kill('SIGINT');
    const { code, at } = await running.exited;
    expect(code).toBe(0);
    // Node's keep-alive timeout is 5 s: exiting well before it proves the idle socket was closed, not waited out
    // (4 s rather than 2 s leaves room for a loaded CI machine).
    expect(at - signalled).toBeLessThan(4_000);
    agent.destroy();
  });

  it('cuts off a client that never finishes its upload and still exits 0 within 10 s', async () => {
    running = await start();
    const stuck = halfSentRequest(running.port);
    await sleep(100);
    const signalled = Date.now();
    running.child.kill('SIGTERM');
    const { code, at } = await running.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    expect((await stuck.errored).message).toMatch(/socket hang up|ECONNRESET/);
  }, 20_000);

  it('writes log lines in batches while serving (each within a moment) and loses none at exit', async () => {
    running = await start();
    const { child, port, lines, exited } = running;
    const post = (_: unknown, i = 99) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/skill', headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body.replace('shutdown-user', `batch-user-${i}`)); // one user each: the per-user rate limit stays out of it
      });
    const turns = () => lines.filter((l) => l.message === 'turn').length;
    expect(await Promise.all(Array.from({ length: 40 }, post))).toEqual(Array(40).fill(200));
    const answered = Date.now();
    while (turns() < 40 && Date.now() - answered < 3_000) await sleep(10);
    expect(turns()).toBe(40); // written while serving, not only at exit
    await post(undefined, 40);
    child.kill('SIGTERM'); // this turn's line and the shutdown lines are written by the exit flush at the latest
    expect((await exited).code).toBe(0);
    await sleep(50);
    expect(turns()).toBe(41);
    expect(lines.map((l) => l.message)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
  });
});
