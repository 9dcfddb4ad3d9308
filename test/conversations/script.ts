/** Conversation scripts as data: the shape of test/conversations/*.yml and a loader that validates them. */
import fs from 'node:fs';
import path from 'node:path';
import * as YAML from 'js-yaml';
import { z } from 'zod';

const Texts = z.array(z.string().min(1));

export const Expect = z.strictObject({
  /** Each must appear in the visible text (bubbles, card titles, descriptions, button labels). */
  contains: Texts.optional(),
  /** None may appear in the visible text. */
  notContains: Texts.optional(),
  /** Quick-reply labels that must be offered. */
  quickReplies: Texts.optional(),
  /** webLink buttons that must be there. */
  links: Texts.optional(),
  /** Phone buttons that must be there. */
  phones: Texts.optional(),
  /** The answer is the fallback (`None`/`None.again`); by default it must not be. */
  fallback: z.boolean().default(false),
  /** The stored session after the turn: `none` (deleted), `dialog` (a dialog is active), `idle` (kept, no dialog). */
  session: z.enum(['none', 'dialog', 'idle']).optional(),
});

export const Turn = z
  .strictObject({
    /** Typed text. */
    say: z.string().optional(),
    /** Tap the quick reply (or message button) with this label in the previous answer to this user. */
    tap: z.string().optional(),
    /** Move the injected clock forward: `16m`, `30s`. */
    advance: z.string().regex(/^\d+(ms|s|m)$/).optional(),
    /** Who speaks (an alias; each conversation gets its own user ids). */
    user: z.string().default('me'),
    expect: Expect.prefault({}),
  })
  .refine((t) => [t.say, t.tap, t.advance].filter((v) => v !== undefined).length === 1, 'give exactly one of say, tap, advance');
export type Turn = z.infer<typeof Turn>;

export const Conversation = z.strictObject({
  name: z.string().min(1),
  /** Values typed in this conversation that must never reach a log line (slot values, passwords). */
  secrets: Texts.default([]),
  turns: z.array(Turn).min(1),
});
export type Conversation = z.infer<typeof Conversation>;

export const ScriptFile = z.array(Conversation).min(1);

export const SCRIPT_DIR = __dirname;

/** Every `*.yml` in test/conversations, validated; a bad script fails loudly with its file and field. */
export function loadScripts(): Array<{ file: string; conversations: Conversation[] }> {
  return fs
    .readdirSync(SCRIPT_DIR)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((file) => {
      const parsed = ScriptFile.safeParse(YAML.load(fs.readFileSync(path.join(SCRIPT_DIR, file), 'utf8')));
      if (!parsed.success) throw new Error(`test/conversations/${file}: ${z.prettifyError(parsed.error)}`);
      return { file, conversations: parsed.data };
    });
}

/** `16m` → 960000. */
export function durationMs(text: string): number {
  const m = /^(\d+)(ms|s|m)$/.exec(text);
  if (!m) throw new Error(`bad duration ${text}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm'];
}
