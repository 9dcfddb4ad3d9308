/** The turn handler: routes a user turn (tap → exact text → dialog → NLU) to a reply. */
import type { Renderer, Reply, TapTarget } from '../content/render';
import type { Classifier, NluResult } from '../nlu/classifier';
import { decide, DEFAULT_THRESHOLDS, type Decision, type DecisionThresholds } from '../nlu/decide';
import { initialSession, isEmptySession, type Session } from './session';
import { afterAnswer, followupOf, inContext, repeatOf, settles, type FollowupRules } from './followups';
import { tellsFailure } from '../nlu/stuck';
import { HANDOFF, isFaq, isOutOfScope, REPEAT } from '../nlu/labels';
import { containsPasswordLike } from './validators';
import { buildExactIndex, exactKey, tappableIntents, targetFromExtra } from './taps';
import type { DialogPlugin, Outcome, Route, TurnContext, TurnInput, TurnResult } from './types';
import type { ResponseDef } from '../content/schema';

export interface BotOptions {
  renderer: Renderer;
  responses: Map<string, ResponseDef>;
  classifier: Classifier;
  dialogs?: DialogPlugin[];
  thresholds?: DecisionThresholds;
  /** Rules for messages that follow an FAQ's answer (`intents/_followups.yml`); none when absent. */
  followups?: FollowupRules;
}

/** Words that always open the menu, typed or tapped. */
const MENU_WORDS: Record<string, TapTarget> = {
  처음으로: { intent: 'greeting' },
  메뉴: { intent: 'greeting' },
  시작: { intent: 'greeting' },
  홈: { intent: 'greeting' },
};

const PASSWORD_WARNING = 'system.password_warning';
/** The answer to a photo or file: it can't be read here; the topics and 1533-0301 instead. */
const MEDIA_ANSWER = 'system.media';

const OUTCOME_BY_INTENT: Record<string, Outcome> = { greeting: 'menu', handoff: 'handoff', cancel: 'cancelled', [REPEAT]: 'menu' };

export class Bot {
  private readonly exact: Map<string, TapTarget>;
  /** What `clientExtra.intent` may name; any other tap is read as its text. */
  private readonly tappable: Set<string>;
  private readonly actions = new Map<string, DialogPlugin>();
  private readonly ctx: TurnContext;

  constructor(private readonly opts: BotOptions) {
    this.exact = buildExactIndex(opts.responses, MENU_WORDS);
    this.tappable = tappableIntents(opts.responses, MENU_WORDS);
    for (const d of opts.dialogs ?? []) for (const a of d.actions) this.actions.set(a, d);
    this.ctx = {
      render: (id, params) => opts.renderer.render(id, params),
      classify: (text, allowList) => opts.classifier.classify(text, { allowList }),
      answer: (intent, turn, session, route, nlu) => this.answer(intent, turn, session, route, nlu),
    };
  }

  /** Handle one turn against the user's session (already read by the caller). */
  async handle(turn: TurnInput, stored: Session): Promise<TurnResult> {
    const { offer, ...session } = stored; // an offer lives for one turn
    if (turn.media) return this.interject(this.opts.renderer.has(MEDIA_ANSWER) ? MEDIA_ANSWER : 'None', session, 'exact');
    if (containsPasswordLike(turn.utterance)) return this.interject(this.opts.renderer.has(PASSWORD_WARNING) ? PASSWORD_WARNING : 'system.error', session, 'dialog');
    const tapped = this.validTap(targetFromExtra(turn.clientExtra));
    const accepted = offer && !tapped && !session.dialog ? this.acceptedOffer(offer, turn.utterance) : null;
    if (accepted) return this.goTo(accepted, turn, session, 'exact');
    if (tapped && 'action' in tapped) return this.goTo(tapped, turn, session, 'tap');
    if (session.dialog) {
      for (const d of this.opts.dialogs ?? []) {
        const result = await d.handle(turn, session, this.ctx);
        if (result) return result;
      }
    }
    if (tapped) return this.goTo(tapped, turn, session, 'tap');
    const typed = this.validTarget(this.exact.get(exactKey(turn.utterance)) ?? (turn.utterance.trim() ? null : MENU_WORDS.처음으로));
    if (typed) return this.goTo(typed, turn, session, 'exact');
    return this.understand(turn, session);
  }

  /**
   * Answer `id` without reading the text, and keep any dialog at its step (its prompt follows the answer).
   * A password-like text is never echoed, classified, logged or stored (route `dialog` keeps it out of the turn
   * log); a photo or file can't be read, and is not a misunderstood question (never a fallback).
   */
  private interject(id: string, session: Session, route: Route): TurnResult {
    const current = (this.opts.dialogs ?? []).map((d) => d.prompt?.(session, this.ctx)).find((p) => p) ?? null;
    const replies = [this.opts.renderer.render(id), ...(current ? [current.reply] : [])];
    return { replies, route, intent: id, outcome: 'answered', session: keep(session), dialog: current?.dialog ?? null };
  }

  private acceptedOffer(offer: string, utterance: string): TapTarget | null {
    return this.validTarget(this.opts.renderer.offer(offer, utterance, exactKey) ?? null);
  }

  /** A tap from `clientExtra`: an answerable intent or a flow's action, else null (the turn is read as text). */
  private validTap(target: TapTarget | null): TapTarget | null {
    if (target && 'intent' in target && !this.tappable.has(target.intent)) return null;
    return this.validTarget(target);
  }

  private validTarget(target: TapTarget | null): TapTarget | null {
    if (!target) return null;
    if ('intent' in target) return this.opts.renderer.has(target.intent) ? target : null;
    return this.actions.has(target.action) ? target : null;
  }

  private async goTo(target: TapTarget, turn: TurnInput, session: Session, route: Route): Promise<TurnResult> {
    if ('action' in target) {
      const plugin = this.actions.get(target.action) as DialogPlugin;
      return plugin.act(target.action, turn, session, this.ctx);
    }
    return this.answer(target.intent, turn, session, route);
  }

  private async understand(turn: TurnInput, session: Session): Promise<TurnResult> {
    const context = followupOf(session, turn.now);
    const nlu = await this.opts.classifier.classify(turn.utterance, context ? { after: context } : {});
    const decision = decide(nlu, this.opts.thresholds ?? DEFAULT_THRESHOLDS);
    const rule = context && !isHandoff(decision) ? this.opts.followups?.find([nlu.normalized, turn.utterance], context) : undefined;
    if (rule && this.opts.renderer.has(rule)) return { ...(await this.answer(rule, turn, session, 'nlu', nlu)), context };
    if (context && !settles(decision) && !smallTalk(nlu)) {
      const read = await this.readInContext(context, turn.utterance);
      if (read) return { ...(await this.act(read.decision, read.nlu, turn, session)), context };
    }
    const doubt = context ? await this.doubtInContext(decision, context, turn.utterance) : undefined;
    if (doubt) return { ...(await this.act(doubt, nlu, turn, session)), context };
    return this.act(context && decision.kind === 'clarify' ? contextFirst(decision, context) : decision, nlu, turn, session);
  }

  /**
   * An answer of another FAQ that NLP.js is not sure of (under CONTEXT_DOUBT), while the message read after the
   * answered FAQ's label is that FAQ ("비번은 꼭 바꿔야되요?" after 회원가입 필요? read alone is 첫 로그인 방법):
   * ask which, the FAQ before first. On the follow-up sets, of such answers 6 were wrong and 2 right (round 10).
   */
  private async doubtInContext(decision: Decision, context: string, utterance: string): Promise<Decision | undefined> {
    if (decision.kind !== 'answer' || decision.fact || !isFaq(decision.intent) || decision.intent === context || decision.score >= CONTEXT_DOUBT) return undefined;
    const read = await this.readInContext(context, utterance);
    if (!read || read.decision.kind !== 'answer' || read.decision.intent !== context) return undefined;
    return { kind: 'clarify', intents: [context, decision.intent], score: decision.score, reason: 'close' };
  }

  /**
   * The message read after the answered FAQ's label ("운행 시작 시기 그게 언제쯤이에요?"): kept only when that reading
   * answers an FAQ (or one of its facts) and its nearest training utterance is not out of scope; else (or when the
   * FAQ has no label) the message's own reading stands.
   */
  private async readInContext(context: string, utterance: string): Promise<{ nlu: NluResult; decision: Decision } | undefined> {
    const label = this.opts.renderer.label(context);
    if (!label) return undefined;
    const nlu = await this.opts.classifier.classify(inContext(label, utterance));
    const decision = decide(nlu, this.opts.thresholds ?? DEFAULT_THRESHOLDS);
    const nearest = nlu.neighbours?.[0];
    if (nearest && isOutOfScope(nearest.intent)) return undefined; // the message is like an out-of-scope one even so ("알겠심더")
    return decision.kind === 'answer' && isFaq(decision.intent) ? { nlu, decision } : undefined;
  }

  private async act(decision: Decision, nlu: NluResult, turn: TurnInput, session: Session): Promise<TurnResult> {
    if (decision.kind === 'none') return this.fallback(turn, session, nlu, decision.topic);
    if (decision.kind === 'clarify') return this.clarify(decision, session, nlu);
    if (decision.fact && this.opts.renderer.has(decision.fact)) {
      const answered = await this.answer(decision.fact, turn, session, 'nlu', nlu);
      // a fact's answer is its FAQ's for what follows (a fresh user's session was empty, so none was kept)
      const next = isFaq(decision.intent) ? { ...(answered.session ?? initialSession()), answered: { intent: decision.intent, at: turn.now, reply: decision.fact } } : answered.session;
      return { ...answered, session: next, score: decision.score, ...(decision.overruled ? { overruled: true } : {}) };
    }
    for (const d of this.opts.dialogs ?? []) {
      const started = await d.startIntent?.(decision.intent, turn, session, this.ctx);
      if (started) return { ...started, nlu, score: nlu.score };
    }
    return this.answer(decision.intent, turn, session, 'nlu', nlu);
  }

  /** Answer an intent with its response; a successful answer resets the fallback counter. */
  async answer(intent: string, turn: TurnInput, session: Session, route: Route, nlu?: NluResult): Promise<TurnResult> {
    // "다시 말해 주세요" (typed, or 다시 안내 tapped) after an FAQ's answer: that answer once more (one of its facts, if a
    // fact was what was shown); with none to repeat, the repeat response asks which one
    const again = intent === REPEAT ? repeatOf(session, turn.now) : undefined;
    if (again) {
      const shown = await this.answer(this.opts.renderer.has(again.reply) ? again.reply : again.context, turn, session, route, nlu);
      // what was shown again is what the next message follows: its 10 minutes start now
      const kept = shown.session;
      return { ...shown, context: again.context, ...(kept?.answered ? { session: { ...kept, answered: { ...kept.answered, at: turn.now } } } : {}) };
    }
    if (!this.opts.renderer.has(intent)) return this.fallback(turn, session, nlu);
    const next: Session = { ...session, fallbacks: 0, offer: this.opts.renderer.offers(intent) ? intent : undefined, answered: afterAnswer(session, intent, turn.now) };
    return {
      replies: [this.opts.renderer.render(intent)],
      route,
      intent,
      score: nlu?.score,
      nlu,
      outcome: OUTCOME_BY_INTENT[intent] ?? 'answered',
      session: keep(next),
    };
  }

  /**
   * Not answerable here. A recognised out-of-scope topic (`oos.certificate` …) gets its own honest answer with
   * 1533-0301: outcome `out_of_scope`, the topic as the turn's intent (logs, metrics and events name what partners ask
   * that the FAQ does not cover), and it does not count towards the second-fallback card. Anything else is a
   * `fallback` to `None`, then `None.again`. A first one that only says something does not work ("다시 해봐도 안돼요")
   * gets `None.stuck` when the content has it: where it got stuck, not "that question can't be answered".
   */
  private fallback(turn: TurnInput, session: Session, nlu?: NluResult, topic?: string): TurnResult {
    const { renderer } = this.opts;
    const onTopic = topic !== undefined && renderer.has(topic);
    const fallbacks = onTopic ? session.fallbacks : session.fallbacks + 1;
    const stuck = tellsFailure(turn.utterance) && renderer.has('None.stuck');
    const id = onTopic ? topic : fallbacks >= 2 && renderer.has('None.again') ? 'None.again' : stuck ? 'None.stuck' : 'None';
    return {
      replies: [renderer.render(id)],
      route: 'nlu',
      intent: onTopic ? topic : 'None',
      score: nlu?.score,
      nlu,
      outcome: onTopic ? 'out_of_scope' : 'fallback',
      session: { ...session, fallbacks },
    };
  }

  /**
   * Ask which was meant: the candidates as quick replies, then 처음으로 and 상담원 연결. For an FAQ term next to an
   * other-topic head noun, or a single candidate, "혹시 ○○ 말씀이신가요?" (`clarify.topic`, `{candidate}` = the FAQ's label).
   */
  private clarify(decision: Extract<Decision, { kind: 'clarify' }>, session: Session, nlu: NluResult): TurnResult {
    const { renderer } = this.opts;
    const { intents } = decision;
    const asTopic = (decision.reason === 'topic' || intents.length === 1) && renderer.has('clarify.topic');
    const base = asTopic ? renderer.render('clarify.topic', { candidate: renderer.label(intents[0]) ?? intents[0] }) : renderer.render('clarify');
    const quickReplies = [...intents, ...(asTopic ? ['handoff', 'greeting'] : ['greeting', 'handoff'])]
      .filter((id) => renderer.label(id))
      .map((intent) => renderer.quickReply({ intent }));
    const reply: Reply = { outputs: base.outputs, quickReplies };
    return { replies: [reply], route: 'nlu', intent: intents[0], score: nlu.score, nlu, outcome: 'clarified', session: keep(session) };
  }
}

/**
 * A message much like an out-of-scope training utterance (cosine ≥ SMALL_TALK): "네" is 0.82 like `None`'s "네네".
 * Read after a label, it would only repeat the answer before.
 */
const smallTalk = (nlu: NluResult) => {
  const nearest = nlu.neighbours?.[0];
  return !!nearest && isOutOfScope(nearest.intent) && nearest.similarity >= SMALL_TALK;
};
const SMALL_TALK = 0.5;

/**
 * Below this score, an answer of another FAQ right after an answer is asked about when the message, read after the
 * FAQ before, is that FAQ. At any score it cost `switch` rows (a new question is its own): A 24 → 16 of 26.
 */
const CONTEXT_DOUBT = 0.9;

/** A question back that offers the FAQ answered before offers it first. */
function contextFirst(decision: Extract<Decision, { kind: 'clarify' }>, context: string): Decision {
  const { intents } = decision;
  return intents.includes(context) ? { ...decision, intents: [context, ...intents.filter((i) => i !== context)] } : decision;
}

/** A request for a person always gets through, whatever came before. */
const isHandoff = (d: Decision) => d.kind === 'answer' && d.intent === HANDOFF;

function keep(session: Session): Session | undefined {
  return isEmptySession(session) ? undefined : session;
}
