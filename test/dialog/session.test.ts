/** Session shape: versioned and validated; anything else reads as a fresh session. */
import { initialSession, isEmptySession, SESSION_VERSION, upgradeSession } from '../../src/dialog/session';

describe('upgradeSession', () => {
  const dialog = { flow: 'password_reset', step: 'phone', startedAt: 1, attempts: 0, helps: 0, slots: {} };

  it('keeps a session of this version with a well-formed dialog', () => {
    expect(upgradeSession({ v: SESSION_VERSION, fallbacks: 1, dialog })).toEqual({ v: SESSION_VERSION, fallbacks: 1, dialog });
  });

  it.each([
    ['another version', { v: 0, fallbacks: 1 }],
    ['garbage', 'hello'],
    ['nothing', undefined],
    ['a dialog of another shape', { v: SESSION_VERSION, fallbacks: 0, dialog: { flow: 'password_reset', slots: 'x' } }],
  ])('reads %s as a fresh session', (_what, stored) => {
    expect(upgradeSession(stored)).toEqual(initialSession());
  });

  it('never shares one object between users', () => {
    expect(initialSession()).not.toBe(initialSession());
  });

  it('an empty session is one without fallbacks and without a dialog', () => {
    expect(isEmptySession(initialSession())).toBe(true);
    expect(isEmptySession({ ...initialSession(), dialog })).toBe(false);
    expect(isEmptySession({ ...initialSession(), fallbacks: 1 })).toBe(false);
  });
});
