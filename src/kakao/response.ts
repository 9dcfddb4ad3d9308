/** SkillResponse: the strict zod schema of what we send, enforcing every documented limit (spec §2–§3). */
import { z } from 'zod';
import { LIMITS } from './limits';

const Label = z.string().min(1).max(LIMITS.label);
const Extra = z.record(z.string(), z.unknown());
const HttpUrl = z.url({ protocol: /^https?$/ });

export const Button = z.discriminatedUnion('action', [
  z.strictObject({ label: Label, action: z.literal('webLink'), webLinkUrl: HttpUrl }),
  z.strictObject({ label: Label, action: z.literal('message'), messageText: z.string().min(1), extra: Extra.optional() }),
  z.strictObject({ label: Label, action: z.literal('phone'), phoneNumber: z.string().regex(/^[0-9+\-]{3,20}$/) }),
  z.strictObject({ label: Label, action: z.literal('block'), blockId: z.string().min(1), messageText: z.string().optional(), extra: Extra.optional() }),
  z.strictObject({ label: Label, action: z.literal('operator') }),
  z.strictObject({ label: Label, action: z.literal('share') }),
]);
export type Button = z.infer<typeof Button>;

export const SimpleText = z.strictObject({
  simpleText: z.strictObject({ text: z.string().min(1).max(LIMITS.simpleText) }),
});

export const TextCard = z.strictObject({
  textCard: z
    .strictObject({
      title: z.string().min(1).max(LIMITS.textCardTitle).optional(),
      description: z.string().min(1).max(LIMITS.textCardDescription).optional(),
      buttons: z.array(Button).max(LIMITS.cardButtons).optional(),
      buttonLayout: z.enum(['vertical', 'horizontal']).optional(),
    })
    .refine((c) => c.title !== undefined || c.description !== undefined, 'textCard needs a title or a description')
    .refine(
      (c) => (c.title ?? '').length + (c.description ?? '').length <= LIMITS.textCardDescription,
      `textCard title + description must be ≤ ${LIMITS.textCardDescription} chars`,
    ),
});

export const Output = z.union([SimpleText, TextCard]);
export type Output = z.infer<typeof Output>;

export const QuickReply = z.discriminatedUnion('action', [
  z.strictObject({ label: Label, action: z.literal('message'), messageText: z.string().min(1), extra: Extra.optional() }),
  z.strictObject({ label: Label, action: z.literal('block'), blockId: z.string().min(1), messageText: z.string().optional(), extra: Extra.optional() }),
]);
export type QuickReply = z.infer<typeof QuickReply>;

const bubbleFits = (o: unknown) => Buffer.byteLength(JSON.stringify(o), 'utf8') <= LIMITS.bubbleBytes;

export const SkillResponse = z.strictObject({
  version: z.literal('2.0'),
  template: z.strictObject({
    outputs: z.array(Output.refine(bubbleFits, 'bubble over 30 KB')).min(1).max(LIMITS.outputs),
    quickReplies: z.array(QuickReply).max(LIMITS.quickReplies).optional(),
  }),
  context: z.strictObject({ values: z.array(z.unknown()) }).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type SkillResponse = z.infer<typeof SkillResponse>;
