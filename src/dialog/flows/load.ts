/** Loads flows/*.yml and flows/_common.yml, then checks every response, validator and action they name. */
import fs from 'node:fs';
import path from 'node:path';
import { attempt, ContentError, ContentErrors, readYaml, type ResponseDef } from '../../content';
import { SLOT_VALIDATORS } from './slots';
import { CommonFile, FlowFile, type CommonDef, type FlowDef } from './schema';

export interface LoadedFlows {
  flows: FlowDef[];
  /** Null when there is no flows/ folder (then there are no dialogs). */
  common: CommonDef | null;
}

const COMMON = '_common.yml';

/**
 * Read and check every flow under `root/flows`; throws ContentErrors naming each bad file and field.
 * @example loadFlows('.', loadContent('.').responses).flows.map((f) => f.id) // ['first_login', 'password_reset']
 */
export function loadFlows(root: string, responses: Map<string, ResponseDef>): LoadedFlows {
  const dir = path.join(root, 'flows');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^[^_].*\.ya?ml$/.test(f)).sort() : [];
  if (files.length === 0) return { flows: [], common: null };
  const errors: ContentError[] = [];
  const common = readCommon(root, errors);
  const parsed = files.flatMap((f) => {
    const flow = attempt(() => readYaml(path.join(dir, f), FlowFile, root), errors);
    return flow ? [{ file: `flows/${f}`, flow }] : [];
  });
  if (common) errors.push(...checkCommon(common, responses));
  for (const { file, flow } of parsed) errors.push(...checkFlow(flow, file, responses, common));
  errors.push(...checkUnique(parsed));
  if (errors.length) throw new ContentErrors(errors);
  return { flows: parsed.map((p) => p.flow), common: common ?? null };
}

function readCommon(root: string, errors: ContentError[]): CommonDef | undefined {
  const file = path.join(root, 'flows', COMMON);
  if (fs.existsSync(file)) return attempt(() => readYaml(file, CommonFile, root), errors);
  errors.push(new ContentError(`flows/${COMMON}`, '', 'is missing; it holds what every dialog shares (escape words, 이어서 진행)'));
  return undefined;
}

function checkCommon(common: CommonDef, responses: Map<string, ResponseDef>): ContentError[] {
  const file = `flows/${COMMON}`;
  const ids: Array<[string, string]> = [
    ['say.expired', common.say.expired],
    ...Object.keys(common.escape).map((id): [string, string] => [`escape.${id}`, id]),
    ...common.classify.escapes.map((id, i): [string, string] => [`classify.escapes[${i}]`, id]),
    ...common.classify.digressions.map((id, i): [string, string] => [`classify.digressions[${i}]`, id]),
    ...common.everyPromptOffers.map((id, i): [string, string] => [`everyPromptOffers[${i}]`, id]),
  ];
  return missing(ids, responses).map(([field, id]) => new ContentError(file, field, `names "${id}", which has no response in responses/`));
}

function missing(ids: Array<[string, string | undefined]>, responses: Map<string, ResponseDef>): Array<[string, string]> {
  return ids.filter((e): e is [string, string] => e[1] !== undefined && !responses.has(e[1]));
}

function checkFlow(flow: FlowDef, file: string, responses: Map<string, ResponseDef>, common: CommonDef | undefined): ContentError[] {
  const problems: Array<[string, string]> = [];
  const ids: Array<[string, string | undefined]> = Object.entries(flow.say).map(([k, id]) => [`say.${k}`, id]);
  flow.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    ids.push([`${at}.say`, step.say], [`${at}.help`, step.help]);
    problems.push(...checkStep(flow, step, at, responses));
    if (!step.slot && step.invalid) ids.push([`${at}.invalid`, step.invalid]);
    for (const intent of common?.everyPromptOffers ?? []) {
      const offered = (responses.get(step.say)?.quickReplies ?? []).some((q) => q.intent === intent);
      if (!offered) problems.push([`${at}.say`, `prompt "${step.say}" needs a quick reply to ${intent} (see everyPromptOffers)`]);
    }
  });
  for (const [field, id] of missing(ids, responses)) problems.push([field, `names "${id}", which has no response in responses/`]);
  problems.push(...checkWords(flow, common));
  return problems.map(([field, message]) => new ContentError(file, field, message));
}

function checkStep(flow: FlowDef, step: FlowDef['steps'][number], at: string, responses: Map<string, ResponseDef>): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  if (step.validator === undefined) {
    if (!step.invalid && !flow.say.unclear) problems.push([`${at}.invalid`, 'is needed (or say.unclear) for typed text that is no choice']);
    return problems;
  }
  const validator = SLOT_VALIDATORS[step.validator];
  if (!validator) return [[`${at}.validator`, `"${step.validator}" is unknown; use one of ${Object.keys(SLOT_VALIDATORS).join(', ')}`]];
  if (!step.invalid) return [[`${at}.invalid`, 'a slot step needs the prefix of its invalid-answer responses']];
  for (const reason of validator.reasons) {
    if (!responses.has(`${step.invalid}.${reason}`)) problems.push([`${at}.invalid`, `needs a response "${step.invalid}.${reason}"`]);
  }
  return problems;
}

/** Typed words must name an action the flow handles. */
function checkWords(flow: FlowDef, common: CommonDef | undefined): Array<[string, string]> {
  const known = new Set([...Object.keys(flow.on), ...flow.steps.flatMap((s) => Object.keys(s.on ?? {}))]);
  if (common) known.add(common.resume.action);
  const entries: Array<[string, string]> = [
    ...Object.keys(flow.words).map((a): [string, string] => [`words.${a}`, a]),
    ...flow.steps.flatMap((s, i) => Object.keys(s.words ?? {}).map((a): [string, string] => [`steps[${i}].words.${a}`, a])),
  ];
  return entries.filter(([, a]) => !known.has(a)).map(([field, a]) => [field, `"${a}" is no action of this flow (add it to on:)`]);
}

function checkUnique(parsed: Array<{ file: string; flow: FlowDef }>): ContentError[] {
  const errors: ContentError[] = [];
  const seen = new Map<string, string>();
  for (const { file, flow } of parsed) {
    for (const [field, key] of [['id', `flow:${flow.id}`], ['start.action', `action:${flow.start.action}`]]) {
      const other = seen.get(key);
      if (other) errors.push(new ContentError(file, field, `is also used in ${other}`));
      else seen.set(key, file);
    }
  }
  return errors;
}
