/** Flow schemas: the shape of flows/*.yml (guided dialogs) and flows/_common.yml (what every dialog shares). */
import { z } from 'zod';
import { LIMITS } from '../../kakao/limits';

/** A response or action id, e.g. `reset.ask.phone`. */
const Id = z.string().regex(/^[A-Za-z][\w.-]*$/, 'ids are dotted lowercase words, e.g. reset.ask.phone');
/** A flow or step id, e.g. `password_reset`, `birthdate`. */
const Name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lowercase letters, digits and _');
/** Typed words that count as a tap (matched whole, ignoring spaces and punctuation). */
const Words = z.array(z.string().trim().min(1));

/** What a step choice does: go on, start over from the first step, or explain the step again. */
export const Transition = z.enum(['next', 'restart', 'help']);
export type Transition = z.infer<typeof Transition>;

export const StepDef = z
  .strictObject({
    id: Name,
    /** The prompt (response id) that asks this step's question or shows this step. */
    say: Id,
    /** Slot filled by this step's answer; needs a `validator`. */
    slot: Name.optional(),
    /** Validator by name (`phone`, `birthdate`, `name`). */
    validator: z.string().min(1).optional(),
    /**
     * For a slot step, the prefix of the invalid-answer responses (`<invalid>.<reason>`); for other steps, the
     * response sent when typed text is no choice of this step.
     */
    invalid: Id.optional(),
    /** Said when the user asks for help (`잘 안 돼요`) on this step. */
    help: Id.optional(),
    /** Action id → transition, on top of the flow's `on`. */
    on: z.record(Id, Transition).optional(),
    /** Action id → typed words meaning that action, on top of the flow's `words`. */
    words: z.record(Id, Words).optional(),
  })
  .refine((s) => (s.slot === undefined) === (s.validator === undefined), {
    message: 'give slot and validator together',
  });
export type StepDef = z.infer<typeof StepDef>;

export const FlowFile = z.strictObject({
  id: Name,
  /** How the flow starts: a tap on `action`, or a classified intent from `intents` said with one of `words`. */
  start: z.strictObject({
    action: Id,
    intents: z.array(Id).default([]),
    words: Words.default([]),
  }),
  /** Intents that, asked mid-dialog, are this same topic: not answered as a digression. */
  home: z.array(Id).default([]),
  limits: z
    .strictObject({
      /** Invalid answers to one question before `say.giveUp` ends the dialog. */
      attempts: z.number().int().min(1).default(3),
      /** After this many minutes, the next turn sends `say.timeout` and ends the dialog. */
      minutes: z.number().positive().default(15),
      /** The `help` choice on one step, this many times, says `say.trouble` instead. */
      helps: z.number().int().min(1).default(2),
    })
    .prefault({}),
  say: z.strictObject({
    /** Said before the first prompt. */
    intro: Id.optional(),
    /** Said after the intro when the opening utterance already filled a slot. */
    prefilled: Id.optional(),
    /** Said when the last step is done; the dialog ends. */
    done: Id,
    /** Said after too many invalid answers; the dialog ends. */
    giveUp: Id,
    /** Said on the first turn after `limits.minutes`; the dialog ends. */
    timeout: Id,
    /** Said on repeated `help` on one step (offers the phone line). */
    trouble: Id.optional(),
    /** Said for typed text that is no choice of a step without its own `invalid`. */
    unclear: Id.optional(),
  }),
  /** Action id → transition for every step. */
  on: z.record(Id, Transition).default({}),
  /** Action id → typed words for every step. */
  words: z.record(Id, Words).default({}),
  steps: z.array(StepDef).min(1),
});
export type FlowDef = z.infer<typeof FlowFile>;

export const CommonFile = z.strictObject({
  /** Intent → typed words that end any dialog with that intent's answer (취소 → cancel, 처음으로 → greeting). */
  escape: z.record(Id, Words),
  classify: z.strictObject({
    /** Classified mid-dialog, these intents end the dialog with their answer. */
    escapes: z.array(Id),
    /** Classified mid-dialog, these intents are answered and the dialog waits (`이어서 진행`). */
    digressions: z.array(Id),
  }),
  resume: z.strictObject({
    /** The action of the `이어서 진행` quick reply. */
    action: Id,
    label: z.string().min(1).max(LIMITS.label),
    words: Words.default([]),
  }),
  say: z.strictObject({
    /** Said for a dialog tap when no dialog is active any more (it ended or expired). */
    expired: Id,
  }),
  /** Intents every step prompt must offer as a quick reply (취소). */
  everyPromptOffers: z.array(Id).default([]),
});
export type CommonDef = z.infer<typeof CommonFile>;
