/** Session: what we keep per user between turns; versioned so a deploy never resumes an old shape. */
export const SESSION_VERSION = 1;

export interface Session {
  v: typeof SESSION_VERSION;
  /** Fallbacks in a row (two-stage fallback). */
  fallbacks: number;
  /** Active guided dialog, if any (owned by the dialog engine). */
  dialog?: Record<string, unknown>;
}

export function initialSession(): Session {
  return { v: SESSION_VERSION, fallbacks: 0 };
}

/** Another version (or garbage) reads as a fresh session. */
export function upgradeSession(stored: unknown): Session {
  if (stored && typeof stored === 'object' && (stored as Session).v === SESSION_VERSION) return stored as Session;
  return initialSession();
}

/** A session worth storing holds something; an empty one is deleted instead. */
export function isEmptySession(s: Session): boolean {
  return s.fallbacks === 0 && s.dialog === undefined;
}
