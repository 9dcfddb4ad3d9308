/** What the console offers to label with and how it names things, read from the content (intents/, responses/, flows/). */
import type { Content } from '../content';
import type { ResponseDef } from '../content/schema';
import { loadFlows } from '../dialog/flows';
import { isOutOfScope, isTopic } from '../nlu/labels';

export interface Choice {
  id: string;
  label: string;
}

export interface Catalog {
  /** Intents an utterance can be added to (everything but `None` and the out-of-scope topics). */
  intents: Choice[];
  /** Out-of-scope topics (`oos.*` intents): "out of scope" puts an utterance there, or in `None`. */
  topics: Choice[];
  /** The facts partners ask on their own (`fact.*` answers): a guess in the inbox when a rule answered and NLP.js did not agree. */
  facts: Choice[];
  labels: ReadonlyMap<string, string>;
  /** The stats funnel: the password-reset dialog and its steps in order. */
  funnel: { flow: string; steps: string[] };
}

export const FUNNEL_FLOW = 'password_reset';

/**
 * @example catalogOf(root, content).intents[0] // { id: 'faq.first_login', label: '첫 로그인 방법' }
 */
export function catalogOf(root: string, content: Pick<Content, 'intents' | 'responses' | 'followups'>): Catalog {
  const ids = content.intents.map((i) => i.intent).sort();
  // a fact's answer is a turn's intent too (`fact.site_address`): the overview names it by its label (사이트 주소)
  const facts = [...content.responses.keys()].filter((id) => id.startsWith('fact.'));
  // so is a follow-up rule's (`help.login`, intents/_followups.yml)
  const followups = Object.keys(content.followups ?? {});
  const labels = new Map([...ids, ...facts, ...followups].map((id) => [id, nameOf(content.responses.get(id)) ?? id] as const));
  const choice = (id: string): Choice => ({ id, label: labels.get(id) ?? id });
  let steps: string[] = [];
  try {
    steps = loadFlows(root, content.responses).flows.find((f) => f.id === FUNNEL_FLOW)?.steps.map((s) => s.id) ?? [];
  } catch {
    // flows are checked at startup; a catalog without the funnel's steps still serves
  }
  return {
    intents: ids.filter((id) => !isOutOfScope(id)).map(choice),
    topics: ids.filter(isTopic).map(choice),
    facts: facts.sort().map(choice),
    labels,
    funnel: { flow: FUNNEL_FLOW, steps },
  };
}

/**
 * What staff call a response: its label, else its first card's title (out-of-scope topics have no label, since no
 * quick reply points to them, but their card says what they are about: `oos.certificate` → 수료증 문의).
 */
function nameOf(def: ResponseDef | undefined): string | undefined {
  if (def?.label) return def.label;
  for (const bubble of def?.bubbles ?? []) if ('card' in bubble && bubble.card.title) return bubble.card.title;
  return undefined;
}
