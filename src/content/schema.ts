/** Content schemas: the shape of intents/*.yml and responses/*.yml that support staff edit. */
import { z } from 'zod';
import { LIMITS } from '../kakao/limits';

const Label = z.string().min(1).max(LIMITS.label, `label is over ${LIMITS.label} chars`);
const Id = z.string().regex(/^[A-Za-z][\w.-]*$/, 'ids are dotted lowercase words, e.g. faq.signup');

export const IntentFile = z.strictObject({
  intent: Id,
  utterances: z.array(z.string().trim().min(1)).min(1),
});
export type IntentFile = z.infer<typeof IntentFile>;

export const SynonymsFile = z.strictObject({
  synonyms: z.record(z.string().min(1), z.array(z.string().min(1))),
});

/** Where a tap leads: an intent (answer) or a dialog action; `text` is what the chat shows. */
const Target = {
  intent: Id.optional(),
  action: Id.optional(),
  text: z.string().min(1).optional(),
};
const oneTarget = (t: { intent?: string; action?: string }) => (t.intent === undefined) !== (t.action === undefined);
const oneTargetMsg = { message: 'give exactly one of intent or action' };

export const QuickReplyDef = z.strictObject({ label: Label.optional(), ...Target }).refine(oneTarget, oneTargetMsg);
export type QuickReplyDef = z.infer<typeof QuickReplyDef>;

export const ButtonDef = z.union([
  z.strictObject({ label: Label, webLink: z.url({ protocol: /^https?$/ }) }),
  z.strictObject({ label: Label, phone: z.string().regex(/^[0-9-]{3,20}$/) }),
  z.strictObject({ label: Label, operator: z.literal(true) }),
  z.strictObject({ label: Label.optional(), ...Target }).refine(oneTarget, oneTargetMsg),
]);
export type ButtonDef = z.infer<typeof ButtonDef>;

export const BubbleDef = z.union([
  z.strictObject({ text: z.string().trim().min(1) }),
  z.strictObject({
    card: z
      .strictObject({
        title: z.string().min(1).max(LIMITS.textCardTitle).optional(),
        description: z.string().min(1).max(LIMITS.textCardDescription).optional(),
        buttons: z.array(ButtonDef).max(LIMITS.cardButtons).optional(),
      })
      .refine((c) => c.title !== undefined || c.description !== undefined, 'a card needs a title or a description'),
  }),
]);
export type BubbleDef = z.infer<typeof BubbleDef>;

/** A question the answer ends with, and the typed replies that mean yes (e.g. `네` → start the reset dialog). */
export const OfferDef = z
  .strictObject({ intent: Id.optional(), action: Id.optional(), yes: z.array(z.string().min(1)).min(1) })
  .refine(oneTarget, oneTargetMsg);
export type OfferDef = z.infer<typeof OfferDef>;

/** Most quick replies a menu may list in a file; over LIMITS.quickReplies they are grouped by category (menus.ts). */
export const MAX_MENU_TOPICS = 500;

export const ResponseDef = z.strictObject({
  /** Short topic name (≤14) used as the default label of quick replies that point here. */
  label: Label.optional(),
  /** The menu category of this topic (an id from responses/_categories.yml), used when a menu lists too many topics. */
  category: Id.optional(),
  bubbles: z.array(BubbleDef).min(1).max(LIMITS.outputs),
  quickReplies: z.array(QuickReplyDef).max(MAX_MENU_TOPICS).optional(),
  /** What a typed yes on the next turn leads to (the answer ends with a question). */
  offer: OfferDef.optional(),
});
export type ResponseDef = z.infer<typeof ResponseDef>;

/** A responses/*.yml file maps response ids to their definitions. */
export const ResponsesFile = z.record(Id, ResponseDef);

/** A menu category: its quick-reply label and the text its own menu opens with. */
export const CategoryDef = z.strictObject({ label: Label, text: z.string().trim().min(1) });
export type CategoryDef = z.infer<typeof CategoryDef>;

/** responses/_categories.yml: category id (also the id of the category's menu response) → its definition. */
export const CategoriesFile = z.strictObject({ categories: z.record(Id, CategoryDef) });
export type CategoriesFile = z.infer<typeof CategoriesFile>;

/** A phrase of a fact or follow-up rule: matched in the text with spaces ignored, after the same normalizer as the question. */
const Phrase = z.string().trim().min(1).max(40);

/** A record's keys must match `pattern`; a key that does not is an issue at that key, with `message`. */
function idsLike(pattern: RegExp, message: string) {
  return (rules: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const id of Object.keys(rules)) if (!pattern.test(id)) ctx.addIssue({ code: 'custom', path: [id], message });
  };
}

/** A phrase rule's match (fact and follow-up rules): `all` groups, `unless` phrases, in the `text` (question, message). */
function phrasesOf(text: string) {
  return {
    /** Every group must have one of its phrases in the text. */
    all: z.array(z.array(Phrase).min(1)).min(1).describe(`every group must have one of its phrases in the ${text}`),
    /** None of these may be in the text: it asks something else with the same words (a complaint, a lost password). */
    unless: z.array(Phrase).optional().describe(`none of these may be in the ${text}`),
  };
}

/**
 * One fact of an FAQ that partners ask on its own ("사이트 주소 알려주세요", "비밀번호 몇 자리예요"): when the question
 * holds a phrase of every group of `all` and none of `unless`, the bot answers the fact's response (same id, in
 * responses/) instead of the whole FAQ, a topic or a fallback.
 */
export const FactDef = z.strictObject({
  /** The FAQs whose answers hold this fact (at least one): a confident answer of any other intent wins over the fact. */
  faqs: z.array(Id).min(1),
  ...phrasesOf('question'),
});
export type FactDef = z.infer<typeof FactDef>;

/** intents/_facts.yml: fact id (`fact.*`, also its response's id) → its rule. */
export const FactsFile = z.strictObject({
  facts: z.record(z.string(), FactDef).superRefine(idsLike(/^fact\.[a-z][\w-]*$/, 'fact ids are fact.<name>, e.g. fact.site_address')),
});
export type FactsFile = z.infer<typeof FactsFile>;

/**
 * A follow-up rule: a message right after one of the `after` FAQs was answered (within 10 minutes) that holds a phrase
 * of every group of `all` and none of `unless` gets the response of the rule's id ("그래도 안돼요" after the first
 * login's answer: step by step, or a person).
 */
export const FollowupDef = z.strictObject({
  /** The FAQs whose answer the message follows (at least one). */
  after: z.array(Id).min(1),
  ...phrasesOf('message'),
});
export type FollowupDef = z.infer<typeof FollowupDef>;

/**
 * intents/_followups.yml: rule id (`help.*` for help when stuck, `thanks.*` for thanks; also its response's id) → its
 * rule; the first rule that matches wins.
 */
export const FollowupsFile = z.strictObject({
  followups: z.record(z.string(), FollowupDef).superRefine(idsLike(/^(help|thanks)\.[a-z][\w-]*$/, 'follow-up ids are help.<name> or thanks.<name>, e.g. help.login')),
});
export type FollowupsFile = z.infer<typeof FollowupsFile>;
