/** Session: what we keep per user between turns; versioned and validated so a deploy never resumes an old shape. */
import { z } from 'zod';

export const SESSION_VERSION = 1;

/** Where a user stands in a guided dialog. Slot values live only here and go when the dialog ends. */
export const DialogState = z.object({
  /** Flow id, e.g. `password_reset`. */
  flow: z.string().min(1),
  /** Step id inside the flow, e.g. `phone`. */
  step: z.string().min(1),
  /** When the dialog started (ms since the epoch), for the 15-minute rule. */
  startedAt: z.number(),
  /** Invalid answers given to the current step. */
  attempts: z.number().int().min(0),
  /** Times the user asked for help (`잘 안 돼요`) on the current step. */
  helps: z.number().int().min(0),
  /** Normalized slot values (phone digits, ISO date, name). Never logged. */
  slots: z.record(z.string(), z.string()),
  /** The slot values sealed at rest (AES-256-GCM, `stores/sealed.ts`); opened into `slots` when read. */
  sealed: z.string().optional(),
});
export type DialogState = z.infer<typeof DialogState>;

const SessionSchema = z.object({
  v: z.literal(SESSION_VERSION),
  fallbacks: z.number().int().min(0),
  dialog: DialogState.optional(),
  offer: z.string().optional(),
  answered: z.object({ intent: z.string().min(1), at: z.number(), reply: z.string().min(1).optional() }).optional(),
});

export interface Session {
  v: typeof SESSION_VERSION;
  /** Fallbacks in a row (two-stage fallback). */
  fallbacks: number;
  /** Active guided dialog, if any (owned by the dialog engine). */
  dialog?: DialogState;
  /** Response id whose closing question (e.g. "재설정 안내를 도와드릴까요?") a typed yes may answer next turn. */
  offer?: string;
  /**
   * The FAQ answered last and when (ms since the epoch): a follow-up ("그게 언제쯤이에요?") is read with it
   * (`followups.ts`). `reply`: the response shown instead of the FAQ's own, when it was one of its facts (a request to
   * repeat shows that again). Ids and a time, never text; it goes with the session (idle TTL) or at the menu.
   */
  answered?: { intent: string; at: number; reply?: string };
}

/**
 * A fresh session; a new object every call, so no two users ever share one.
 * @example initialSession() // { v: 1, fallbacks: 0 }
 */
export function initialSession(): Session {
  return { v: SESSION_VERSION, fallbacks: 0 };
}

/**
 * Read what a store returned: another version, a wrong shape or garbage reads as a fresh session.
 * @example upgradeSession({ v: 0, fallbacks: 2 }) // { v: 1, fallbacks: 0 }
 */
export function upgradeSession(stored: unknown): Session {
  if (stored === undefined) return initialSession(); // no session yet (most turns): skip the schema's error path
  const parsed = SessionSchema.safeParse(stored);
  return parsed.success ? (parsed.data as Session) : initialSession();
}

/**
 * A session worth storing holds something; an empty one is deleted instead.
 * @example isEmptySession(initialSession()) // true
 */
export function isEmptySession(s: Session): boolean {
  return s.fallbacks === 0 && s.dialog === undefined && s.offer === undefined && s.answered === undefined;
}
