/** Cross-file content checks: required answers exist, every tap leads somewhere, every bubble fits Kakao. */
import { splitText } from '../kakao/build';
import { LIMITS } from '../kakao/limits';
import { ContentError } from './errors';
import { FACTS_FILE, FOLLOWUPS_FILE, type Content } from './load';
import type { ResponseDef } from './schema';

export const FAQ_INTENTS = [
  'faq.signup',
  'faq.first_login',
  'faq.forgot_credentials',
  'faq.schedule_change',
  'faq.required_courses',
  'faq.refresh_training',
  'faq.start_driving',
  'faq.incomplete_training',
] as const;

/** Responses the bot cannot run without. */
export const REQUIRED_RESPONSES = [...FAQ_INTENTS, 'greeting', 'handoff', 'cancel', 'None', 'None.again', 'clarify', 'system.error'];

export interface CheckOptions {
  /** Dialog actions that exist (from flows/); a tap to any other action leads nowhere. */
  knownActions?: Iterable<string>;
}

/** Returns every problem found (empty when content is sound). */
export function checkContent(content: Content, { knownActions = [] }: CheckOptions = {}): ContentError[] {
  const errors: ContentError[] = [];
  const actions = new Set(knownActions);
  const where = (id: string) => `responses (${id})`;
  for (const id of REQUIRED_RESPONSES) {
    if (!content.responses.has(id)) errors.push(new ContentError('responses/', id, 'is required but missing'));
  }
  for (const { intent } of content.intents) {
    if (intent !== 'None' && !content.responses.has(intent)) {
      errors.push(new ContentError(`intents/${intent}.yml`, 'intent', `has no response "${intent}" in responses/`));
    }
  }
  errors.push(...checkFacts(content), ...checkFollowups(content));
  for (const [id, def] of content.responses) {
    errors.push(...checkTaps(id, def, content.responses, actions).map((m) => new ContentError(where(id), m[0], m[1])));
    const outputs = def.bubbles.reduce((n, b) => n + ('text' in b ? splitText(b.text).length : 1), 0);
    if (outputs > LIMITS.outputs) {
      errors.push(new ContentError(where(id), `${id}.bubbles`, `renders ${outputs} bubbles; limit is ${LIMITS.outputs}`));
    }
  }
  return errors;
}

/**
 * A phrase rule and its answer go together (the same id in `file` and responses/), and the FAQs it names (its
 * `field`: a fact's `faqs`, a follow-up's `after`) are FAQs the bot answers.
 */
function checkRules(content: Content, file: string, section: string, rules: Record<string, Record<string, unknown>>, field: string): ContentError[] {
  const errors: ContentError[] = [];
  const faqs = new Set(content.intents.map((i) => i.intent).filter((i) => i.startsWith('faq.') && content.responses.has(i)));
  for (const [id, rule] of Object.entries(rules)) {
    if (!content.responses.has(id)) errors.push(new ContentError(file, `${section}.${id}`, `has no response "${id}" in responses/`));
    (rule[field] as string[]).forEach((faq, i) => {
      if (!faqs.has(faq)) errors.push(new ContentError(file, `${section}.${id}.${field}[${i}]`, `"${faq}" is not an FAQ intent with a response`));
    });
  }
  return errors;
}

/** A fact's rule and its answer (`checkRules`); and a fact's answer (`fact.*`) has its rule. */
function checkFacts(content: Content): ContentError[] {
  const errors = checkRules(content, FACTS_FILE, 'facts', content.facts, 'faqs');
  for (const id of content.responses.keys()) {
    if (id.startsWith('fact.') && !(id in content.facts)) errors.push(new ContentError(`responses (${id})`, id, `is a fact's answer but ${FACTS_FILE} has no rule "${id}"`));
  }
  return errors;
}

/** A follow-up rule and its answer (`checkRules`): it follows FAQs the bot answers. */
function checkFollowups(content: Content): ContentError[] {
  return checkRules(content, FOLLOWUPS_FILE, 'followups', content.followups ?? {}, 'after');
}

function checkTaps(id: string, def: ResponseDef, responses: Map<string, ResponseDef>, actions: Set<string>): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const taps = [
    ...(def.offer ? [[`${id}.offer`, { ...def.offer, label: 'offer' }] as const] : []),
    ...(def.quickReplies ?? []).map((t, i) => [`${id}.quickReplies[${i}]`, t] as const),
    ...def.bubbles.flatMap((b, bi) =>
      'card' in b ? (b.card.buttons ?? []).map((t, i) => [`${id}.bubbles[${bi}].card.buttons[${i}]`, t] as const) : [],
    ),
  ];
  for (const [field, tap] of taps) {
    if (!('intent' in tap || 'action' in tap)) continue;
    if (tap.intent && !responses.has(tap.intent)) problems.push([field, `leads to "${tap.intent}", which has no response`]);
    if (tap.action && !actions.has(tap.action)) problems.push([field, `leads to action "${tap.action}", which no dialog flow defines`]);
    if (!tap.label && tap.intent && !responses.get(tap.intent)?.label) {
      problems.push([field, `has no label and "${tap.intent}" has no label to borrow`]);
    }
  }
  return problems;
}
