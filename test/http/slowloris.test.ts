/**
 * Issue #12, item 6, measured on the real server process (`src/index.ts`): a slow client (headers trickled a line
 * every 2 s, never finished) is cut within about 10 s (node's default check every 30 s let them live 15–35 s), real
 * requests keep being answered meanwhile, and MAX_CONNECTIONS caps open connections (the rest are closed at once).
 */
import net from 'node:net';
import { spawnServer, type ServerProcess } from '../helpers/server-process';

const SLOW = 40;

/** Open a connection that sends a request line and then one header line every 2 s; resolves with its lifetime. */
function slowClient(port: number): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => socket.write('POST /skill HTTP/1.1\r\nHost: x\r\n'));
    const drip = setInterval(() => socket.writable && socket.write(`x-slow-${Date.now()}: 1\r\n`), 2_000);
    socket.on('error', () => undefined);
    socket.resume(); // read what the server sends (its 408), so its end is seen when it comes
    socket.once('close', () => {
      clearInterval(drip);
      resolve(Date.now() - started);
    });
  });
}

function realTurn(port: number, i: number): Promise<number> {
  return fetch(`http://127.0.0.1:${port}/skill`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userRequest: { utterance: '리프레시 교육이 뭐예요?', user: { id: `real-${i}` } } }),
  }).then((r) => r.status);
}

describe('slow clients against the real server', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer({ env: { MAX_CONNECTIONS: '60' } });
  }, 60_000);
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it(`cuts ${SLOW} slow clients within ~10 s while real requests are answered`, async () => {
    const lifetimes = Promise.all(Array.from({ length: SLOW }, () => slowClient(server.port)));
    await new Promise((r) => setTimeout(r, 1_000));
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => realTurn(server.port, i)));
    expect(statuses).toEqual(Array(10).fill(200));
    const ms = await lifetimes;
    const longest = Math.max(...ms);
    console.log(`slowloris: ${SLOW} slow clients cut after ${Math.min(...ms)}–${longest} ms`);
    expect(Math.min(...ms)).toBeGreaterThanOrEqual(9_000);
    expect(longest).toBeLessThan(12_500);
  }, 40_000);

  it('MAX_CONNECTIONS: past the cap, new connections are closed at once', async () => {
    const sockets: net.Socket[] = [];
    const closedFast: number[] = [];
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => new Promise<void>((resolve) => {
        const started = Date.now();
        const s = net.connect(server.port, '127.0.0.1', () => resolve());
        s.on('error', () => resolve());
        s.once('close', () => Date.now() - started < 1_500 && closedFast.push(i));
        sockets.push(s);
      })),
    );
    await new Promise((r) => setTimeout(r, 1_500));
    console.log(`MAX_CONNECTIONS=60: ${closedFast.length} of 100 idle connections closed at once`);
    expect(closedFast.length).toBeGreaterThanOrEqual(35);
    for (const s of sockets) s.destroy();
  }, 20_000);
});
