/**
 * Follow-ups: a message that only makes sense after the answer before it ("그게 언제쯤이에요?" after 운행 시작 시기,
 * "안 들으면 어떻게 돼요?" after 리프레시 교육). The session keeps the FAQ answered last and when (never the text).
 * - A follow-up rule of `intents/_followups.yml` that matches gets its own response ("그래도 안돼요" after the first
 *   login's answer: step by step, or a person).
 * - Else a message that, read alone, gets no answer is read once more after that FAQ's label, and answered when that
 *   reading answers an FAQ.
 */
import type { Content } from '../content/load';
import type { FollowupDef } from '../content/schema';
import type { Decision } from '../nlu/decide';
import { FactIndex } from '../nlu/facts';
import { HANDOFF, isFaq } from '../nlu/labels';
import { createNormalizer, type Normalizer } from '../nlu/normalize';
import type { Session } from './session';

/**
 * The follow-up rules by the FAQ they follow, each phrase read as the message is (the content's normalizer) and as
 * written, spaces ignored (the fact rules' matcher).
 * @example new FollowupRules({ 'help.login': { after: ['faq.first_login'], all: [['그래도 안']] } }, normalize).find(['그래도 안돼요'], 'faq.first_login') // 'help.login'
 */
export class FollowupRules {
  private readonly byFaq = new Map<string, FactIndex>();

  constructor(rules: Record<string, FollowupDef>, normalize: Normalizer) {
    const faqs = new Set(Object.values(rules).flatMap((r) => r.after));
    for (const faq of faqs) {
      const mine = Object.entries(rules).filter(([, r]) => r.after.includes(faq));
      this.byFaq.set(faq, new FactIndex(Object.fromEntries(mine.map(([id, r]) => [id, { faqs: r.after, all: r.all, unless: r.unless }])), normalize));
    }
  }

  /** The content's rules, read with its synonyms. */
  static of(content: Pick<Content, 'followups' | 'synonyms'>): FollowupRules {
    return new FollowupRules(content.followups ?? {}, createNormalizer(content.synonyms));
  }

  /** The first rule following `after` that the message (normalized, or as typed) matches. */
  find(texts: readonly string[], after: string): string | undefined {
    const index = this.byFaq.get(after);
    if (!index) return undefined;
    for (const t of texts) {
      const found = index.find(t);
      if (found) return found.id;
    }
    return undefined;
  }
}

/** How long an answer stays the context of the next message (the session's idle TTL is the same 10 minutes). */
export const FOLLOWUP_MS = 10 * 60_000;

/**
 * The FAQ the message may follow up on: the one answered last, within FOLLOWUP_MS.
 * @example followupOf({ ...session, answered: { intent: 'faq.start_driving', at: now - 60_000 } }, now) // 'faq.start_driving'
 */
export function followupOf(session: Session, now: number): string | undefined {
  const a = session.answered;
  return a && now - a.at >= 0 && now - a.at <= FOLLOWUP_MS ? a.intent : undefined;
}

/**
 * What a request to repeat shows: the response answered last (a fact's, or the FAQ's own), and the FAQ it follows.
 * @example repeatOf({ ...session, answered: { intent: 'faq.signup', at: now, reply: 'fact.site_address' } }, now) // { context: 'faq.signup', reply: 'fact.site_address' }
 */
export function repeatOf(session: Session, now: number): { context: string; reply: string } | undefined {
  const context = followupOf(session, now);
  return context ? { context, reply: session.answered?.reply ?? context } : undefined;
}

/**
 * What the session remembers after answering `intent`: an FAQ becomes the context; the menu, a handoff or a cancel
 * clears it (a new start); anything else (a fact's own response id, a topic) leaves it as it was.
 * @example afterAnswer(session, 'faq.signup', now) // { intent: 'faq.signup', at: now }
 */
export function afterAnswer(session: Session, intent: string, now: number): Session['answered'] {
  if (isFaq(intent)) return { intent, at: now };
  if (intent === 'greeting' || intent === HANDOFF || intent === 'cancel') return undefined;
  return session.answered;
}

/**
 * Whether a decision stands on its own, so the message is not read as a follow-up:
 * - an answer, except a cancel (with no dialog to stop, "그게 언제쯤이에요?" is no cancel);
 * - a topic of its own, out of scope or asked about ("교육비는 따로 내요?" after 회원가입 is about fees);
 * - a choice between two close FAQs ("그럼 입문교육은 또 머에요" after 리프레시 교육 offers 필수 교육 종류 first).
 * On the first follow-up set (`test/nlu/followups-v1.tsv`) the last two, read in context, were wrong 7 times of 9.
 */
export function settles(decision: Decision): boolean {
  if (decision.kind === 'answer') return decision.intent !== 'cancel';
  if (decision.kind === 'none') return decision.reason === 'topic';
  return decision.reason === 'close' || decision.reason === 'topic';
}

/**
 * The text classified as a follow-up: the answered FAQ's label, then the message.
 * @example inContext('운행 시작 시기', '그게 언제쯤이에요?') // '운행 시작 시기 그게 언제쯤이에요?'
 */
export function inContext(label: string, utterance: string): string {
  return `${label} ${utterance}`;
}
