/**
 * The floor: a bare Express webhook that parses the JSON body and returns one fixed SkillResponse.
 * No Express skill server can answer faster. The bench runs it as plain JavaScript (PORT, HOST).
 */
import express from 'express';

const FIXED = {
  version: '2.0',
  template: {
    outputs: [{ simpleText: { text: '리프레시 교육은 운행 품질 개선을 위한 필수 교육이에요.' } }],
    quickReplies: [{ label: '처음으로', action: 'message', messageText: '처음으로', extra: { intent: 'greeting' } }],
  },
};

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json({ limit: '64kb' }));
app.post('/skill', (_req, res) => {
  res.json(FIXED);
});
app.get('/readyz', (_req, res) => {
  res.json({ status: 'ready' });
});

const server = app.listen(Number(process.env.PORT ?? 8081), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
