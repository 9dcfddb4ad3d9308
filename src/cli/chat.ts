/** `npm run chat`: a terminal chat with the in-process bot (or a running server with --url); numbers tap. */
import crypto from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { ContentError, ContentErrors } from '../content';
import { SkillResponse } from '../kakao/response';
import { createLogger } from '../log/logger';
import { inspect, type Inspect } from '../http/routes/simulator';
import { buildServer } from '../server';
import { ANSI, PLAIN, renderResponse, type Style, type Tap } from './chat-render';

const HELP = `Type a question and press Enter. A number taps the quick reply or button shown with it
(messageText + extra as clientExtra, as Kakao sends them). Commands:
  /user ID   switch to user ID        /new   a fresh user
  /json      toggle raw JSON output   /quit  leave (or Ctrl-D)`;

const USAGE = `usage: npm run chat -- [--user ID] [--url http://host:port] [--inspect] [--json]
  --user ID    botUserKey to chat as (default: a random chat-… id)
  --url URL    talk to a running server's POST /skill instead of the in-process bot
               (sends SKILL_SECRET in SKILL_SECRET_HEADER when that env var is set)
  --inspect    show route, intent, score and outcome after each answer (in-process only)
  --json       print the raw SkillResponse after each answer
Piped stdin works: one line per turn.`;

interface Answer {
  response: SkillResponse;
  inspect?: Inspect;
}

interface Transport {
  send(user: string, utterance: string, extra: Record<string, unknown>): Promise<Answer>;
  close(): Promise<void>;
}

/** The bot in this process: content, model and conversation from the same config as the server. */
async function inProcess(): Promise<Transport> {
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error', METRICS: 'off', SIMULATOR: 'off' };
  const config = loadConfig(env);
  const onTrain = (reason: string) => process.stderr.write(`Training the NLU model first (${reason}); this takes a few seconds…\n`);
  const server = buildServer(config, createLogger({ level: config.LOG_LEVEL, stream: process.stderr }), { onTrain });
  const model = await server.ready;
  if (model.source === 'trained') process.stderr.write(`Trained in ${(model.ms / 1000).toFixed(1)} s, saved as ${path.relative(process.cwd(), model.file)}.\n`);
  const conversation = server.runtime()?.conversation;
  if (!conversation) throw new Error('the model did not load');
  return {
    async send(user, utterance, extra) {
      const turn = { requestId: crypto.randomUUID(), userKey: user, utterance, clientExtra: extra, now: Date.now() };
      const report = await conversation.respond(turn);
      return { response: report.response, inspect: inspect(report) };
    },
    close: () => server.close(),
  };
}

/** A running server, through POST /skill exactly as Kakao calls it. */
function overHttp(url: string): Transport {
  const endpoint = new URL('/skill', url).toString();
  const secret = process.env.SKILL_SECRET;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret) headers[process.env.SKILL_SECRET_HEADER || 'x-skill-secret'] = secret;
  return {
    async send(user, utterance, extra) {
      const body = { userRequest: { utterance, user: { id: user, type: 'botUserKey' } }, action: { clientExtra: extra } };
      const res = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(body) });
      const json: unknown = await res.json().catch(() => null);
      if (!res.ok) throw new Error(`POST ${endpoint}: HTTP ${res.status} ${JSON.stringify(json)}`);
      const parsed = SkillResponse.safeParse(json);
      if (!parsed.success) throw new Error(`POST ${endpoint}: not a valid SkillResponse: ${parsed.error.issues[0]?.message}`);
      return { response: parsed.data };
    },
    close: async () => undefined,
  };
}

function describeInspect(i: Inspect): string {
  const score = i.score === null ? '' : ` ${i.score.toFixed(2)}`;
  const dialog = i.dialog ? ` [${i.dialog.flow}/${i.dialog.step}]` : '';
  return `· ${i.route} ${i.intent ?? '-'}${score} → ${i.outcome}${dialog} (${i.latencyMs} ms)`;
}

interface ChatState {
  user: string;
  taps: Tap[];
  json: boolean;
}

/** One input line: a command, a number tapping a shown quick reply, or text. Returns false to quit. */
async function handleLine(line: string, state: ChatState, transport: Transport, style: Style, showInspect: boolean): Promise<boolean> {
  const text = line.trim();
  if (!text) return true;
  const [command, arg] = text.split(/\s+/, 2);
  if (command === '/quit' || command === '/exit') return false;
  if (command === '/help') return print(HELP), true;
  if (command === '/json') return (state.json = !state.json), print(style.dim(`raw JSON ${state.json ? 'on' : 'off'}`)), true;
  if (command === '/new' || (command === '/user' && arg)) {
    state.user = command === '/new' ? newUser() : arg;
    state.taps = [];
    return print(style.dim(`now chatting as ${state.user}`)), true;
  }
  const tap = /^\d+$/.test(text) ? state.taps[Number(text) - 1] : undefined;
  if (tap) print(style.dim(`(tap: "${tap.text}" + clientExtra ${JSON.stringify(tap.extra)})`));
  const answer = await transport.send(state.user, tap ? tap.text : text, tap ? tap.extra : {});
  const rendered = renderResponse(answer.response, style);
  state.taps = rendered.taps;
  for (const l of rendered.lines) print(l);
  if (showInspect && answer.inspect) print(style.dim(`     ${describeInspect(answer.inspect)}`));
  if (state.json) print(JSON.stringify(answer.response, null, 2));
  return true;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function newUser(): string {
  return `chat-${crypto.randomBytes(4).toString('hex')}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      url: { type: 'string' },
      inspect: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return print(USAGE);
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const style = tty && !process.env.NO_COLOR ? ANSI : PLAIN;
  const transport = values.url ? overHttp(values.url) : await inProcess();
  const state: ChatState = { user: values.user ?? newUser(), taps: [], json: values.json };
  const rl = readline.createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, terminal: tty });
  if (tty) {
    print(style.dim(`${values.url ? `talking to ${values.url}` : 'in-process bot ready'}; chatting as ${state.user}\n${HELP}`));
    rl.setPrompt(style.bold('you> '));
    rl.prompt();
  }
  try {
    for await (const line of rl) {
      if (!tty && line.trim()) print(`${style.bold('you>')} ${line.trim()}`);
      const more = await handleLine(line, state, transport, style, values.inspect).catch((err: unknown) => {
        print(`error: ${err instanceof Error ? err.message : String(err)}`);
        return true;
      });
      if (!more) break;
      if (tty) rl.prompt();
    }
  } finally {
    rl.close();
    await transport.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const known = err instanceof ContentErrors || err instanceof ContentError || (err instanceof Error && err.name === 'ConfigError');
    console.error(known ? (err as Error).message : err);
    process.exit(1);
  },
);
