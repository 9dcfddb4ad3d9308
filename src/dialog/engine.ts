/** The dialog engine: a pure step function over a flow's data; the clock and the interpreted input come in as arguments. */
import type { FlowDef, StepDef } from './flows/schema';
import type { DialogState } from './session';

/** What the user's turn means to the active dialog (interpreted by the plugin, validators already run). */
export type Command =
  | { kind: 'start'; prefill?: Record<string, string> }
  | { kind: 'choice'; action: string }
  | { kind: 'value'; value: string }
  | { kind: 'invalid'; reason?: string }
  | { kind: 'resume' };

export type Status = 'started' | 'asked' | 'rejected' | 'helped' | 'completed' | 'gave_up' | 'timed_out';

export interface Advance {
  /** The dialog after the turn; null when it ended (and its slot values are gone). */
  state: DialogState | null;
  /** Response ids to say, in order. */
  say: string[];
  status: Status;
  /** Slot values the responses may show (only through masked params). */
  slots: Record<string, string>;
}

/**
 * Advance `flow` by one command. Pure: the same state, command and clock always give the same result.
 * @example advance(flow, null, { kind: 'start' }, Date.now()).say // ['reset.intro', 'reset.ask.phone']
 */
export function advance(flow: FlowDef, state: DialogState | null, command: Command, now: number): Advance {
  if (command.kind === 'start' || !state) return start(flow, command.kind === 'start' ? command.prefill : {}, now);
  if (isExpired(flow, state, now)) return end(state, [flow.say.timeout], 'timed_out');
  const step = stepOf(flow, state);
  switch (command.kind) {
    case 'resume':
      return { state, say: [step.say], status: 'asked', slots: state.slots };
    case 'value':
      return goNext(flow, { ...state, slots: { ...state.slots, [step.slot ?? step.id]: command.value } }, step);
    case 'invalid':
      return reject(flow, state, step, command.reason);
    case 'choice':
      return choose(flow, state, step, command.action);
  }
}

/**
 * Whether the dialog has run longer than the flow's time limit (the 15-minute rule).
 * @example isExpired(flow, { ...state, startedAt: now - 16 * 60_000 }, now) // true
 */
export function isExpired(flow: FlowDef, state: DialogState, now: number): boolean {
  return now - state.startedAt > flow.limits.minutes * 60_000;
}

/**
 * The state's step, or undefined when the flow no longer has it (content changed under a live dialog).
 * @example findStep(flow, 'phone')?.slot // 'phone'
 */
export function findStep(flow: FlowDef, stepId: string): StepDef | undefined {
  return flow.steps.find((s) => s.id === stepId);
}

/**
 * The transition an action triggers on a step (the step's own `on` first, then the flow's).
 * @example transitionOf(flow, confirmStep, 'reset.yes') // 'next'
 */
export function transitionOf(flow: FlowDef, step: StepDef, action: string): string | undefined {
  return step.on?.[action] ?? flow.on[action];
}

function stepOf(flow: FlowDef, state: DialogState): StepDef {
  return findStep(flow, state.step) ?? flow.steps[0];
}

function start(flow: FlowDef, prefill: Record<string, string> = {}, now: number): Advance {
  const slots = Object.fromEntries(flow.steps.filter((s) => s.slot && prefill[s.slot]).map((s) => [s.slot, prefill[s.slot as string]]));
  const first = nextOpenStep(flow, -1, slots) ?? flow.steps[flow.steps.length - 1];
  const state: DialogState = { flow: flow.id, step: first.id, startedAt: now, attempts: 0, helps: 0, slots };
  const intro = [flow.say.intro, Object.keys(slots).length > 0 ? flow.say.prefilled : undefined];
  return { state, say: [...intro.filter((id): id is string => !!id), first.say], status: 'started', slots };
}

/** The first step after index `from` that still needs doing (slot steps whose slot is filled are skipped). */
function nextOpenStep(flow: FlowDef, from: number, slots: Record<string, string>): StepDef | undefined {
  return flow.steps.slice(from + 1).find((s) => !s.slot || slots[s.slot] === undefined);
}

function goNext(flow: FlowDef, state: DialogState, step: StepDef): Advance {
  const next = nextOpenStep(flow, flow.steps.indexOf(step), state.slots);
  if (!next) return end(state, [flow.say.done], 'completed');
  return { state: { ...state, step: next.id, attempts: 0, helps: 0 }, say: [next.say], status: 'asked', slots: state.slots };
}

function reject(flow: FlowDef, state: DialogState, step: StepDef, reason?: string): Advance {
  const attempts = state.attempts + 1;
  if (attempts >= flow.limits.attempts) return end(state, [flow.say.giveUp], 'gave_up');
  const id = step.slot && step.invalid && reason ? `${step.invalid}.${reason}` : (step.invalid ?? flow.say.unclear ?? step.say);
  return { state: { ...state, attempts }, say: [id], status: 'rejected', slots: state.slots };
}

function choose(flow: FlowDef, state: DialogState, step: StepDef, action: string): Advance {
  const transition = transitionOf(flow, step, action);
  if (transition === 'next' && !(step.slot && state.slots[step.slot] === undefined)) return goNext(flow, state, step);
  if (transition === 'restart') {
    const first = nextOpenStep(flow, -1, {}) ?? flow.steps[0];
    const fresh: DialogState = { ...state, step: first.id, attempts: 0, helps: 0, slots: {} };
    return { state: fresh, say: [first.say], status: 'asked', slots: {} };
  }
  if (transition === 'help') {
    const helps = state.helps + 1;
    const trouble = helps >= flow.limits.helps ? flow.say.trouble : undefined;
    return { state: { ...state, helps }, say: [trouble ?? step.help ?? step.say], status: 'helped', slots: state.slots };
  }
  return { state, say: [step.say], status: 'asked', slots: state.slots };
}

function end(state: DialogState, say: string[], status: Status): Advance {
  return { state: null, say, status, slots: state.slots };
}
