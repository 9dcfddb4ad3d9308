/**
 * sealedSlots: a session store wrapper that keeps dialog slot values (phone, birth date, name) encrypted at rest
 * (AES-256-GCM, a key id in each record; `src/privacy/seal.ts`). What callers read and write is unchanged.
 */
import { open, seal, type Keyring } from '../../privacy';
import type { Session } from '../session';
import type { SessionStore } from './store';

/**
 * A record whose slots cannot be opened (a key removed from SESSION_KEYS, or a tampered record) reads without its
 * dialog: the partner starts over rather than continuing with unreadable data.
 * @example const store = sealedSlots(withTimeout(redisStore, 1000), keyringOf({ key: process.env.SESSION_KEY })!)
 */
export function sealedSlots(store: SessionStore<Session>, ring: Keyring): SessionStore<Session> {
  return {
    read: async (key) => opened(await store.read(key), ring),
    write: (key, value, ttlMs) => store.write(key, sealed(value, ring), ttlMs),
    delete: (key) => store.delete(key),
    size: () => store.size(),
    close: () => store.close(),
    ...(store.lock ? { lock: store.lock.bind(store) } : {}),
    ...(store.reachable ? { reachable: store.reachable.bind(store) } : {}),
  };
}

function sealed(session: Session, ring: Keyring): Session {
  const dialog = session.dialog;
  if (!dialog || Object.keys(dialog.slots).length === 0) return session;
  return { ...session, dialog: { ...dialog, slots: {}, sealed: seal(ring, JSON.stringify(dialog.slots)) } };
}

function opened(session: Session | undefined, ring: Keyring): Session | undefined {
  const dialog = session?.dialog;
  if (!session || !dialog?.sealed) return session;
  const { sealed: record, ...rest } = dialog;
  const text = open(ring, record);
  if (text === undefined) {
    const { dialog: _dropped, ...withoutDialog } = session;
    return withoutDialog;
  }
  return { ...session, dialog: { ...rest, slots: JSON.parse(text) as Record<string, string> } };
}
