/** What an intent id says about itself: an FAQ (`faq.*`), an out-of-scope topic (`oos.*`), or `None`. */

export const NONE = 'None';

/** Out-of-scope topics are intents named `oos.<topic>`: answered with "we can't answer that here" + 1533-0301. */
export const OOS_PREFIX = 'oos.';

/** @example isFaq('faq.signup') // true */
export const isFaq = (intent: string): boolean => intent.startsWith('faq.');

/** `oos.*`: an out-of-scope topic the bot knows and answers honestly. */
export const isTopic = (intent: string): boolean => intent.startsWith(OOS_PREFIX);

/** `None` or an out-of-scope topic: nothing the FAQ answers. */
export const isOutOfScope = (intent: string): boolean => intent === NONE || isTopic(intent);

/** "다시 말해 주세요", "뭐라고요?": the last FAQ's answer once more (`intents/repeat.yml`, `dialog/turn.ts`). */
export const REPEAT = 'repeat';
/** A request for a person (상담원 연결). */
export const HANDOFF = 'handoff';

/**
 * Control intents that win only when one of their training utterances resembles the message (`decide.ts`,
 * `controlUnlike`): greeting, cancel and repeat, whose small talk borders on out-of-scope small talk. Not handoff: a
 * request for a person must get through in every form (typos, dialect, inside a complaint).
 * @example isGuardedControl('cancel') // true
 */
export const isGuardedControl = (intent: string): boolean => intent === 'greeting' || intent === 'cancel' || intent === REPEAT;
