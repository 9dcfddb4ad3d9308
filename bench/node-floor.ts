/**
 * A second reference: the same fixed SkillResponse on node's own http handler, no Express. It shows what
 * Express's per-request machinery costs (bench/results.md), since our webhook, too, skips Express's router.
 * The bench runs it as plain JavaScript (PORT, HOST).
 */
import http from 'node:http';

const FIXED = JSON.stringify({
  version: '2.0',
  template: {
    outputs: [{ simpleText: { text: '리프레시 교육은 운행 품질 개선을 위한 필수 교육이에요.' } }],
    quickReplies: [{ label: '처음으로', action: 'message', messageText: '처음으로', extra: { intent: 'greeting' } }],
  },
});

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/readyz') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{"status":"ready"}');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(FIXED) }).end(FIXED);
  });
});

server.listen(Number(process.env.PORT ?? 8082), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
