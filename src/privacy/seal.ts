/**
 * Sealing values at rest: AES-256-GCM with a key id in every record, so keys can rotate (the newest key seals, every
 * listed key still opens). Used for dialog slot values (phone, birth date, name) in the session store.
 */
import crypto from 'node:crypto';

export interface Keyring {
  /** The key that seals: the first of SESSION_KEYS, or SESSION_KEY with SESSION_KEY_ID. */
  current: { id: string; key: Buffer };
  /** Every key that may open a record, by id (the current one included). */
  byId: ReadonlyMap<string, Buffer>;
}

/**
 * The 32 bytes of a key written as 64 hex digits or base64, or undefined when it is neither.
 * @example keyBytes('00'.repeat(32))?.length // 32
 */
export function keyBytes(text: string): Buffer | undefined {
  const bytes = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/]{43}=?$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  return bytes?.length === 32 ? bytes : undefined;
}

/**
 * The keyring from the settings, or undefined without a key. `keys` is `id:key,id:key…` (the first seals); `key` with
 * `keyId` adds one more (it seals when `keys` is absent).
 * @example keyringOf({ key: '00'.repeat(32), keyId: 'k1' })?.current.id // 'k1'
 */
export function keyringOf({ key, keyId = 'k1', keys }: { key?: string; keyId?: string; keys?: string }): Keyring | undefined {
  const pairs: Array<[string, Buffer]> = [];
  for (const pair of keys ? keys.split(',') : []) {
    const at = pair.indexOf(':');
    const bytes = keyBytes(pair.slice(at + 1));
    if (at > 0 && bytes) pairs.push([pair.slice(0, at), bytes]);
  }
  const single = key ? keyBytes(key) : undefined;
  if (single) pairs.push([keyId, single]);
  if (pairs.length === 0) return undefined;
  return { current: { id: pairs[0][0], key: pairs[0][1] }, byId: new Map(pairs.reverse()) };
}

/**
 * `<key id>.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM with a fresh 12-byte IV.
 * @example open(ring, seal(ring, 'x')) // 'x'
 */
export function seal(ring: Keyring, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', ring.current.key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [ring.current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/**
 * The plaintext of a sealed record, or undefined when its key is unknown or it was tampered with.
 * @example open(ring, 'k9.x.y.z') // undefined
 */
export function open(ring: Keyring, sealed: string): string | undefined {
  const [id, iv, tag, data] = sealed.split('.');
  const key = ring.byId.get(id);
  if (!key || data === undefined) return undefined;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
