/** Reads a turn against the active dialog: taps, escape words, step words, then the slot validator, then the classifier. */
import type { ResponseDef } from '../../content';
import type { NluResult } from '../../nlu/classifier';
import { decide } from '../../nlu/decide';
import { REPEAT } from '../../nlu/labels';
import { findStep, transitionOf, type Command } from '../engine';
import type { DialogState } from '../session';
import { exactKey, targetFromExtra } from '../taps';
import type { Route, TapTarget, TurnContext, TurnInput } from '../types';
import type { CommonDef, FlowDef } from './schema';
import { SLOT_VALIDATORS } from './slots';

/** What a turn means while a dialog is active. */
export type Reading =
  | { kind: 'command'; command: Command }
  | { kind: 'escape'; intent: string; route: Route; nlu?: NluResult }
  | { kind: 'digress'; intent: string; route: Route; nlu?: NluResult }
  | { kind: 'switch'; flow: FlowDef };

/**
 * Word tables built once from content: escape words, resume words, and each step's typed choices.
 * @example new FlowIndex(flows, common, content.responses).escapeOf('취소') // 'cancel'
 */
export class FlowIndex {
  readonly byId = new Map<string, FlowDef>();
  readonly byStartAction = new Map<string, FlowDef>();
  private readonly escapes = new Map<string, string>();
  private readonly resumes = new Set<string>();
  private readonly stepWords = new Map<string, Map<string, TapTarget>>();
  /** Each flow's start words, keyed (`exactKey`) once. */
  private readonly startWords = new Map<FlowDef, string[]>();

  constructor(
    flows: FlowDef[],
    readonly common: CommonDef,
    private readonly responses: Map<string, ResponseDef>,
  ) {
    for (const flow of flows) {
      this.byId.set(flow.id, flow);
      this.byStartAction.set(flow.start.action, flow);
      this.startWords.set(flow, flow.start.words.map(exactKey));
      for (const step of flow.steps) this.stepWords.set(`${flow.id}/${step.id}`, this.wordsOf(flow, step));
    }
    for (const [intent, words] of Object.entries(common.escape)) for (const w of words) this.escapes.set(exactKey(w), intent);
    for (const w of [common.resume.label, ...common.resume.words]) this.resumes.add(exactKey(w));
  }

  /** Typed text → target for one step: its prompt's quick-reply texts, then the flow's and the step's `words`. */
  private wordsOf(flow: FlowDef, step: FlowDef['steps'][number]): Map<string, TapTarget> {
    const table = new Map<string, TapTarget>();
    for (const q of this.responses.get(step.say)?.quickReplies ?? []) {
      const text = q.text ?? q.label ?? (q.intent ? this.responses.get(q.intent)?.label : undefined);
      if (text) table.set(exactKey(text), q.intent ? { intent: q.intent } : { action: q.action as string });
    }
    for (const [action, words] of Object.entries({ ...flow.words, ...step.words })) {
      for (const w of words) if (!table.has(exactKey(w))) table.set(exactKey(w), { action });
    }
    return table;
  }

  escapeOf(text: string): string | undefined {
    return this.escapes.get(exactKey(text));
  }

  isResume(text: string): boolean {
    return this.resumes.has(exactKey(text));
  }

  stepTarget(state: DialogState, text: string): TapTarget | undefined {
    return this.stepWords.get(`${state.flow}/${state.step}`)?.get(exactKey(text));
  }

  /** The flow a classified intent starts when said with one of the flow's start words, if any. */
  flowStartedBy(intent: string, text: string): FlowDef | undefined {
    const said = exactKey(text);
    for (const [flow, words] of this.startWords) {
      if (flow.start.intents.includes(intent) && (words.length === 0 || words.some((w) => said.includes(w)))) return flow;
    }
    return undefined;
  }

  hasResponse(id: string): boolean {
    return this.responses.has(id);
  }
}

/**
 * Read a turn while `state` is active in `flow`. Slot validators run before the classifier, so a valid answer is
 * never taken for a question; the classifier only sees what the validator refused.
 * @example await interpret(index, flow, state, turn, ctx) // { kind: 'command', command: { kind: 'value', value: '01012345678' } }
 */
export async function interpret(index: FlowIndex, flow: FlowDef, state: DialogState, turn: TurnInput, ctx: TurnContext): Promise<Reading> {
  const tapped = targetFromExtra(turn.clientExtra);
  if (tapped && ('action' in tapped || index.hasResponse(tapped.intent))) return readTap(index, flow, state, tapped, 'tap');
  const escape = index.escapeOf(turn.utterance);
  if (escape) return { kind: 'escape', intent: escape, route: 'exact' };
  if (index.isResume(turn.utterance)) return { kind: 'command', command: { kind: 'resume' } };
  const typed = index.stepTarget(state, turn.utterance);
  if (typed) return readTap(index, flow, state, typed, 'exact');
  const step = findStep(flow, state.step);
  const validator = step?.validator ? SLOT_VALIDATORS[step.validator] : undefined;
  const checked = validator?.check(turn.utterance, new Date(turn.now));
  if (checked?.ok) return { kind: 'command', command: { kind: 'value', value: checked.value } };
  const understood = await classify(index, flow, turn.utterance, ctx);
  return understood ?? { kind: 'command', command: { kind: 'invalid', reason: checked?.reason } };
}

function readTap(index: FlowIndex, flow: FlowDef, state: DialogState, target: TapTarget, route: Route): Reading {
  if ('intent' in target) {
    return target.intent in index.common.escape ? { kind: 'escape', intent: target.intent, route } : { kind: 'digress', intent: target.intent, route };
  }
  const { action } = target;
  if (action === index.common.resume.action || action === flow.start.action) return { kind: 'command', command: { kind: 'resume' } };
  const other = index.byStartAction.get(action);
  if (other) return { kind: 'switch', flow: other };
  const step = findStep(flow, state.step);
  if (step && transitionOf(flow, step, action)) return { kind: 'command', command: { kind: 'choice', action } };
  return { kind: 'command', command: { kind: 'resume' } };
}

/**
 * Dialog-aware classification: only escapes and digressions may win, and only with a clear decision over every
 * intent (an allow-list given to the classifier would renormalize scores and turn `모르겠어요` into a confident FAQ).
 */
async function classify(index: FlowIndex, flow: FlowDef, text: string, ctx: TurnContext): Promise<Reading | null> {
  const { escapes, digressions } = index.common.classify;
  const allowed = [...escapes, ...digressions.filter((i) => !flow.home.includes(i))];
  const nlu = await ctx.classify(text);
  const decision = decide(nlu);
  if (decision.kind !== 'answer') return null;
  const starts = index.flowStartedBy(decision.intent, text);
  if (starts) return starts === flow ? { kind: 'command', command: { kind: 'resume' } } : { kind: 'switch', flow: starts };
  // "다시 말해 주세요" at a step: its question again, and no attempt counted (it was not an answer)
  if (decision.intent === REPEAT) return { kind: 'command', command: { kind: 'resume' } };
  if (!allowed.includes(decision.intent)) return null;
  const kind = escapes.includes(decision.intent) ? 'escape' : 'digress';
  return { kind, intent: decision.intent, route: 'nlu', nlu };
}
