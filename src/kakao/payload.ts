/** SkillPayload: the lenient zod schema of what Kakao i Open Builder POSTs to the skill (spec §1). */
import { z } from 'zod';

/**
 * An optional field: `null`, absent, or a value of the wrong type all read as absent (undefined).
 * Kakao sends `null` for documented-optional fields (`lang`, `params`, `block`, `bot`, `action.name`, …), and a
 * field we do not need must never cost the partner an answer.
 */
function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const Block = z.looseObject({ id: optional(z.string()), name: optional(z.string()) });

/**
 * `action.clientExtra` arrives as an object, `{}`, `null`, or the string `"null"` (legacy v1).
 * Anything that is not a plain object becomes `{}`.
 */
export const ClientExtra = z.unknown().transform((v): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {},
);

/** A botUserKey: a non-empty string, or a number (some channels and test tools send one), read as a string. */
const UserId = z
  .union([z.string(), z.number()], { error: 'expected string' })
  .transform(String)
  .pipe(z.string().min(1, 'must not be empty'));

/** Only `userRequest.utterance` and `userRequest.user.id` are required; unknown fields pass through. */
export const SkillPayload = z.looseObject({
  intent: optional(z.looseObject({ id: optional(z.string()), name: optional(z.string()) })),
  userRequest: z.looseObject({
    timezone: optional(z.string()),
    params: optional(z.record(z.string(), z.unknown())),
    block: optional(Block),
    utterance: z.string(),
    lang: optional(z.string()),
    callbackUrl: optional(z.string()),
    user: z.looseObject({
      id: UserId,
      type: optional(z.string()),
      properties: optional(z.record(z.string(), z.unknown())),
    }),
  }),
  bot: optional(z.looseObject({ id: optional(z.string()), name: optional(z.string()) })),
  action: optional(
    z.looseObject({
      id: optional(z.string()),
      name: optional(z.string()),
      params: optional(z.record(z.string(), z.unknown())),
      detailParams: optional(z.record(z.string(), z.unknown())),
      clientExtra: ClientExtra.optional(),
    }),
  ),
  contexts: optional(z.array(z.unknown())),
  flow: optional(
    z.looseObject({
      trigger: optional(z.looseObject({ type: optional(z.string()), referrerBlock: optional(Block) })),
      lastBlock: optional(Block),
    }),
  ),
});
export type SkillPayload = z.infer<typeof SkillPayload>;

export const NOT_A_SKILL_REQUEST = 'body is not a skill request (expected a JSON object with userRequest.utterance and userRequest.user.id)';

/**
 * Human-readable first problem, naming the field: `missing field userRequest.user.id` when it is absent or null,
 * `wrong type for field userRequest.utterance: expected string, got number` when it is there but wrong.
 * Pass the parsed input to tell the two apart (without it, every type error reads as missing).
 * @example describeIssue(SkillPayload.safeParse(body).error, body)
 */
export function describeIssue(error: z.ZodError, input?: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid skill payload';
  if (issue.path.length === 0 && issue.code === 'invalid_type') return NOT_A_SKILL_REQUEST;
  const path = issue.path.map(String).join('.');
  const value = valueAt(input, issue.path);
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_union') return `invalid field ${path}: ${issue.message}`;
  if (value === undefined || value === null) return `missing field ${path}`;
  const expected = issue.code === 'invalid_type' ? issue.expected : 'string';
  return `wrong type for field ${path}: expected ${expected}, got ${kindOf(value)}`;
}

export type PayloadResult = { ok: true; payload: SkillPayload } | { ok: false; error: string };

/**
 * Validate a parsed JSON body as a skill request; never throws.
 * @example const r = parsePayload(body); if (!r.ok) return send(400, { error: r.error })
 */
export function parsePayload(body: unknown): PayloadResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: NOT_A_SKILL_REQUEST };
  const result = SkillPayload.safeParse(body);
  return result.success ? { ok: true, payload: result.data } : { ok: false, error: describeIssue(result.error, body) };
}

/** Talk photo and file URLs: what the utterance becomes when a partner sends a picture (e.g. `http://dn-m.talk.kakao.com/…`). */
const TALK_MEDIA_URL = /^https?:\/\/[a-z0-9.-]*(?:talk\.kakao\.com|kakaocdn\.net)\/\S*$/i;

/**
 * The kind of attachment a turn carries (`image`, `file`, …), or null for a text turn: `userRequest.params.media`,
 * `flow.trigger.type: IMAGE_UPLOAD`, the secure image plugin's `action.params.secureimage` (a JSON string holding
 * `secureUrls: "List(http://secure.kakaocdn.net/…)"`), or an utterance that is only a talk media URL.
 * @example mediaOf(SkillPayload.parse({ userRequest: { utterance: 'http://dn-m.talk.kakao.com/a/b.jpg', user: { id: 'u' } } })) // 'image'
 */
export function mediaOf(payload: SkillPayload): string | null {
  const media = payload.userRequest.params?.media;
  if (media !== undefined && media !== null && media !== '') {
    const type = typeof media === 'object' ? (media as { type?: unknown }).type : undefined;
    return typeof type === 'string' && /^[a-z]{1,16}$/i.test(type) ? type.toLowerCase() : 'image';
  }
  if (payload.flow?.trigger?.type === 'IMAGE_UPLOAD') return 'image';
  if (payload.action?.params?.secureimage || payload.action?.detailParams?.secureimage) return 'image';
  return TALK_MEDIA_URL.test(payload.userRequest.utterance.trim()) ? 'image' : null;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
