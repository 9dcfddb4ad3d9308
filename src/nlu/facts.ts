/**
 * Facts partners ask on their own: the rules of `intents/_facts.yml`, matched in the question. A fact is one line of
 * an FAQ's answer that a question asks for alone ("사이트 주소 알려주세요": the site's address, not how to sign up);
 * the bot answers it with the fact's own response (`decide.ts` says when).
 */
import type { FactDef } from '../content/schema';
import type { Normalizer } from './normalize';

/** A fact found in a question: its id (also its response's) and the FAQs whose answers hold it. */
export interface FactMatch {
  id: string;
  faqs: readonly string[];
}

interface Rule {
  id: string;
  faqs: readonly string[];
  /** Each group's phrases, squashed. */
  all: string[][];
  unless: string[];
}

/** Without spaces, lower case: `비밀번호 몇 자리` and `비밀번호몇자리` read alike (the answer evaluator reads replies so too). */
export const squash = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

/**
 * The fact rules, each phrase read the way the question is (the classifier's normalizer: synonyms, typos) and as
 * written, spaces ignored. `find` gives the first rule, in file order, whose every group has a phrase in the question
 * and none of whose `unless` phrases is there.
 * @example new FactIndex({ 'fact.site_address': { faqs: ['faq.signup'], all: [['사이트'], ['주소']] } }, normalize).find('사이트 주소 좀') // { id: 'fact.site_address', … }
 */
export class FactIndex {
  private readonly rules: Rule[];

  constructor(facts: Record<string, FactDef>, normalize: Normalizer) {
    const forms = (phrase: string) => [...new Set([squash(normalize(phrase)), squash(phrase)].filter(Boolean))];
    this.rules = Object.entries(facts).map(([id, f]) => ({
      id,
      faqs: f.faqs,
      all: f.all.map((group) => [...new Set(group.flatMap(forms))]),
      unless: [...new Set((f.unless ?? []).flatMap(forms))],
    }));
  }

  get size(): number {
    return this.rules.length;
  }

  /** The fact a normalized question asks for, if any. */
  find(normalized: string): FactMatch | undefined {
    if (!this.rules.length) return undefined;
    const q = squash(normalized);
    for (const r of this.rules) {
      if (r.all.every((group) => group.some((p) => q.includes(p))) && !r.unless.some((p) => q.includes(p))) return { id: r.id, faqs: r.faqs };
    }
    return undefined;
  }
}
