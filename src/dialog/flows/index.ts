/** Guided dialogs loaded from flows/: one engine plugin for every flow, and the action ids content may tap. */
import type { Content } from '../../content';
import type { DialogPlugin } from '../types';
import { FlowIndex } from './interpret';
import { loadFlows } from './load';
import { FlowPlugin } from './plugin';

export { loadFlows, type LoadedFlows } from './load';
export { FlowPlugin } from './plugin';
export { FlowIndex, interpret, type Reading } from './interpret';
export { SLOT_VALIDATORS, slotParams, readableDate, type SlotValidator } from './slots';
export { FlowFile, CommonFile, StepDef, Transition, type FlowDef, type CommonDef } from './schema';

export interface DialogSetup {
  plugins: DialogPlugin[];
  /** Every action id the flows define, for content checks. */
  actions: string[];
}

export interface DialogOptions {
  /**
   * Clock for the 15-minute rule and age checks. Turns carry the same injectable clock (`TurnInput.now`, set by the
   * skill route from `buildServer(…, {now})`), which is what the engine reads; this is kept for callers that build
   * dialogs on their own.
   */
  now?: () => number;
}

/**
 * Load flows/*.yml (checked against `content.responses`) and build the dialog plugin.
 * Throws ContentErrors naming the file and field of every problem.
 * @example const { plugins, actions } = createDialogs('.', loadContent('.'))
 */
export function createDialogs(root: string, content: Content, _opts: DialogOptions = {}): DialogSetup {
  const { flows, common } = loadFlows(root, content.responses);
  if (!common || flows.length === 0) return { plugins: [], actions: [] };
  const plugin = new FlowPlugin(new FlowIndex(flows, common, content.responses));
  return { plugins: [plugin], actions: [...plugin.actions] };
}
