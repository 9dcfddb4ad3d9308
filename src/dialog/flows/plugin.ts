/** FlowPlugin: drives every flow in flows/ through the engine and turns its steps into replies (one plugin for all flows). */
import { quickReply } from '../../kakao/build';
import { advance, findStep, isExpired, type Advance, type Command } from '../engine';
import { isEmptySession, type DialogState, type Session } from '../session';
import type { DialogPlugin, Outcome, Reply, Route, TurnContext, TurnInput, TurnResult } from '../types';
import { interpret, type FlowIndex, type Reading } from './interpret';
import type { FlowDef } from './schema';
import { SLOT_VALIDATORS, slotParams } from './slots';

const OUTCOMES: Record<Advance['status'], Outcome> = {
  started: 'dialog_started',
  asked: 'dialog_step',
  rejected: 'dialog_step',
  helped: 'dialog_step',
  completed: 'dialog_completed',
  gave_up: 'dialog_abandoned',
  timed_out: 'dialog_abandoned',
};

interface Active {
  flow: FlowDef;
  state: DialogState;
}

/**
 * One DialogPlugin for every flow: starts flows on their action or intent, continues the active one, and answers
 * digressions with a `이어서 진행` quick reply.
 * @example new Bot({ ..., dialogs: [new FlowPlugin(index)] })
 */
export class FlowPlugin implements DialogPlugin {
  readonly actions: readonly string[];

  constructor(private readonly index: FlowIndex) {
    const flows = [...index.byId.values()];
    const choices = flows.flatMap((f) => [...Object.keys(f.on), ...f.steps.flatMap((s) => Object.keys(s.on ?? {}))]);
    this.actions = [...new Set([...index.byStartAction.keys(), index.common.resume.action, ...choices])];
  }

  async startIntent(intent: string, turn: TurnInput, session: Session, ctx: TurnContext): Promise<TurnResult | null> {
    const flow = this.index.flowStartedBy(intent, turn.utterance);
    return flow ? this.start(flow, turn, session, ctx) : null;
  }

  async act(action: string, turn: TurnInput, session: Session, ctx: TurnContext): Promise<TurnResult> {
    const active = this.active(session);
    if (active) return this.continue(active, turn, session, ctx, { action });
    const flow = this.index.byStartAction.get(action);
    if (flow) return this.start(flow, turn, session, ctx);
    // a dialog tap that found no dialog (it ended or expired): `dialog_abandoned`, so it is never answered without the store
    const id = this.index.common.say.expired;
    return { replies: [ctx.render(id)], route: 'tap', intent: id, outcome: 'dialog_abandoned', session: keep({ ...session, fallbacks: 0 }), dialog: null };
  }

  async handle(turn: TurnInput, session: Session, ctx: TurnContext): Promise<TurnResult | null> {
    const active = this.active(session);
    return active ? this.continue(active, turn, session, ctx) : null;
  }

  /** The active step's prompt, for turns that keep the dialog where it is (the password warning). */
  prompt(session: Session, ctx: TurnContext): { reply: Reply; dialog: { flow: string; step: string } } | null {
    const active = this.active(session);
    if (!active) return null;
    const step = findStep(active.flow, active.state.step) ?? active.flow.steps[0];
    const reply = ctx.render(step.say, this.params(active.flow, active.state.slots));
    return { reply, dialog: { flow: active.flow.id, step: step.id } };
  }

  private active(session: Session): Active | null {
    const state = session.dialog;
    const flow = state && this.index.byId.get(state.flow);
    return flow && state && findStep(flow, state.step) ? { flow, state } : null;
  }

  private async continue(active: Active, turn: TurnInput, session: Session, ctx: TurnContext, tap?: { action: string }): Promise<TurnResult> {
    const { flow, state } = active;
    if (isExpired(flow, state, turn.now)) return this.step(flow, state, { kind: 'resume' }, turn, session, ctx);
    const reading: Reading = await interpret(this.index, flow, state, tap ? { ...turn, clientExtra: tap } : turn, ctx);
    const info = { flow: flow.id, step: state.step };
    switch (reading.kind) {
      case 'command':
        return this.step(flow, state, reading.command, turn, session, ctx);
      case 'switch':
        return this.start(reading.flow, turn, { ...session, dialog: undefined }, ctx);
      case 'escape': {
        const answered = await ctx.answer(reading.intent, turn, { ...session, dialog: undefined }, reading.route, reading.nlu);
        return { ...answered, dialog: info };
      }
      case 'digress': {
        const answered = await ctx.answer(reading.intent, turn, session, reading.route, reading.nlu);
        return { ...answered, replies: this.withResume(answered.replies), dialog: info };
      }
    }
  }

  private start(flow: FlowDef, turn: TurnInput, session: Session, ctx: TurnContext): TurnResult {
    const prefill: Record<string, string> = {};
    for (const step of flow.steps) {
      const found = step.slot && step.validator ? SLOT_VALIDATORS[step.validator]?.find?.(turn.utterance, new Date(turn.now)) : null;
      if (step.slot && found) prefill[step.slot] = found;
    }
    return this.step(flow, null, { kind: 'start', prefill }, turn, session, ctx);
  }

  private step(flow: FlowDef, state: DialogState | null, command: Command, turn: TurnInput, session: Session, ctx: TurnContext): TurnResult {
    const adv = advance(flow, state, command, turn.now);
    const params = this.params(flow, adv.slots);
    const replies = adv.say.map((id) => ctx.render(id, params));
    const last = replies[replies.length - 1];
    const step = adv.state && findStep(flow, adv.state.step);
    if (step && last.quickReplies.length === 0) replies[replies.length - 1] = { ...last, quickReplies: ctx.render(step.say, params).quickReplies };
    return {
      replies,
      route: 'dialog' satisfies Route,
      intent: `dialog.${flow.id}`,
      outcome: OUTCOMES[adv.status],
      // a dialog step is its own context: the FAQ answered before is no follow-up context any more (and a dialog that
      // ends leaves no session behind)
      session: keep({ ...session, fallbacks: 0, dialog: adv.state ?? undefined, answered: undefined }),
      dialog: { flow: flow.id, step: adv.state?.step ?? adv.status },
    };
  }

  private params(flow: FlowDef, slots: Record<string, string>): Record<string, string> {
    let validatorOf = this.validatorsOf.get(flow);
    if (!validatorOf) {
      validatorOf = Object.fromEntries(flow.steps.filter((s) => s.slot && s.validator).map((s) => [s.slot, s.validator])) as Record<string, string>;
      this.validatorsOf.set(flow, validatorOf);
    }
    return slotParams(slots, validatorOf);
  }

  /** Slot → validator name, per flow (content is fixed for the life of the process). */
  private readonly validatorsOf = new Map<FlowDef, Record<string, string>>();

  /** `이어서 진행` first, then the answer's own quick replies. */
  private withResume(replies: Reply[]): Reply[] {
    const { label, action } = this.index.common.resume;
    const resume = quickReply(label, label, { action });
    const lastWithQr = Math.max(replies.length - 1, 0);
    return replies.map((r, i) => (i === lastWithQr ? { ...r, quickReplies: [resume, ...r.quickReplies.filter((q) => q.label !== label)] } : r));
  }
}

function keep(session: Session): Session | undefined {
  if (session.dialog === undefined) delete session.dialog;
  if (session.answered === undefined) delete session.answered;
  return isEmptySession(session) ? undefined : session;
}
