/** SkillPayload: the lenient zod schema of what Kakao i Open Builder POSTs to the skill (spec §1). */
import { z } from 'zod';

const Block = z.looseObject({ id: z.string().optional(), name: z.string().optional() });

/**
 * `action.clientExtra` arrives as an object, `{}`, `null`, or the string `"null"` (legacy v1).
 * Anything that is not a plain object becomes `{}`.
 */
export const ClientExtra = z.unknown().transform((v): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {},
);

/** Only `userRequest.utterance` and `userRequest.user.id` are required; unknown fields pass through. */
export const SkillPayload = z.looseObject({
  intent: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  userRequest: z.looseObject({
    timezone: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    block: Block.optional(),
    utterance: z.string(),
    lang: z.string().nullish(),
    callbackUrl: z.string().optional(),
    user: z.looseObject({
      id: z.string().min(1),
      type: z.string().optional(),
      properties: z.record(z.string(), z.unknown()).nullish(),
    }),
  }),
  bot: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  action: z
    .looseObject({
      id: z.string().optional(),
      name: z.string().optional(),
      params: z.record(z.string(), z.unknown()).nullish(),
      detailParams: z.record(z.string(), z.unknown()).nullish(),
      clientExtra: ClientExtra.optional(),
    })
    .optional(),
  contexts: z.array(z.unknown()).nullish(),
  flow: z
    .looseObject({
      trigger: z.looseObject({ type: z.string().optional(), referrerBlock: Block.optional() }).optional(),
      lastBlock: Block.optional(),
    })
    .nullish(),
});
export type SkillPayload = z.infer<typeof SkillPayload>;

/** Human-readable path of the first problem, e.g. `userRequest.user.id`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid skill payload';
  const path = issue.path.map(String).join('.') || '(body)';
  return issue.code === 'invalid_type' && issue.input === undefined
    ? `missing field ${path}`
    : `invalid field ${path}: ${issue.message}`;
}
