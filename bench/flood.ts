/**
 * Simulator flood vs. real partners, in one run: the real server (src/index.ts, admin port on a free port) is measured
 * with a light /skill load alone, then with the same load while 50 connections flood POST /simulator/api/turn.
 * Reports /skill p50/p99 both ways and the flood's status codes. Usage: npx tsx bench/flood.ts [--seconds 10]
 */
import autocannon from 'autocannon';
import { spawnServer } from '../test/helpers/server-process';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 10;

async function main(): Promise<void> {
  const server = await spawnServer({ env: { LOG_LEVEL: 'info', ADMIN_PORT: '0' }, until: 'ready', echoStderr: false });
  const adminPort = Number((server.lines.find((l) => l.message === 'admin listening (simulator, metrics, console)') as { port?: number } | undefined)?.port);
  const skill = (duration: number) =>
    autocannon({
      url: `http://127.0.0.1:${server.port}/skill`,
      method: 'POST',
      connections: 5,
      overallRate: 200,
      duration,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userRequest: { utterance: '리프레시 교육이 뭐예요?', user: { id: 'bench-real' } } }),
    });
  await skill(3); // warm-up
  const alone = await skill(seconds);
  const flood = autocannon({
    url: `http://127.0.0.1:${adminPort}/simulator/api/turn`,
    method: 'POST',
    connections: 50,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userRequest: { utterance: '오늘 점심 뭐 먹지', user: { id: 'sim-flood' } } }),
  });
  const [withFlood, flooded] = await Promise.all([skill(seconds), flood]);
  console.log(JSON.stringify({
    skillAlone: { p50: alone.latency.p50, p99: alone.latency.p99, rps: alone.requests.average },
    skillDuringFlood: { p50: withFlood.latency.p50, p99: withFlood.latency.p99, rps: withFlood.requests.average },
    flood: { rps: flooded.requests.average, '2xx': flooded['2xx'], non2xx: flooded.non2xx },
    logLines: server.lines.length,
  }, null, 1));
  server.child.kill('SIGTERM');
  await server.exited;
}

void main();
