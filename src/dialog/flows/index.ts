/** Guided dialogs loaded from flows/ (filled in by the dialog issue). */
import type { Content } from '../../content';
import type { DialogPlugin } from '../types';

export interface DialogSetup {
  plugins: DialogPlugin[];
  /** Every action id the flows define, for content checks. */
  actions: string[];
}

export interface DialogOptions {
  /** Clock for the 15-minute rule (injectable for tests). */
  now?: () => number;
}

export function createDialogs(_root: string, _content: Content, _opts: DialogOptions = {}): DialogSetup {
  return { plugins: [], actions: [] };
}
