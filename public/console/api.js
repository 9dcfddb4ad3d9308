// @ts-check
/**
 * The console's only way to the server: JSON to and from /console/api/ (README "Console API").
 * Every change carries the session's CSRF token as `x-csrf-token`; a 401 anywhere brings back the login form.
 */

/** @typedef {{name: string, role: 'editor' | 'viewer'}} User */
/** @typedef {{turns: number, users?: number, answered: number, clarified: number, fallback: number, out_of_scope: number, handoff: number, other: number}} Totals */
/** @typedef {Totals & {day: string, p95Ms: number | null}} Day */
/** @typedef {{
 *   from: string, to: string, totals: Totals, days: Day[],
 *   topIntents: {intent: string, label?: string, count: number}[],
 *   topTopics: {topic: string, label?: string, count: number}[],
 *   funnel: {steps: {step: string, count: number}[], completed: number, abandoned: number, handedOff: number},
 *   latency: {p50Ms: number | null, p95Ms: number | null}
 * }} Stats */
/** @typedef {{
 *   id: number, text: string, count: number, lastSeen: string,
 *   guess: {intent: string, score: number | null} | null, state: 'new' | 'done' | 'ignored',
 *   label: string | null, actedBy: string | null, actedAt: string | null, examples?: string[]
 * }} InboxItem */
/** @typedef {{items: InboxItem[], total: number, page: number, pageSize: number}} InboxPage */
/** @typedef {{id: string, label: string}} Choice */
/** @typedef {{intents: Choice[], topics: Choice[], facts?: Choice[]}} Intents */
/** @typedef {{
 *   at: string, route: string, intent: string | null, score: number | null, outcome: string,
 *   text: string | null, flow: string | null, step: string | null, latencyMs: number, version?: string | null
 * }} Turn */
/** @typedef {{user: string, turns: Turn[]}} Conversation */

export class ApiError extends Error {
  /** @param {number} status @param {string} message @param {unknown} [body] the answer's JSON (a refused edit's `errors`) */
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

let csrfToken = '';
/** @type {() => void} */
let onSignedOut = () => {};

/** @param {string} token */
export const setCsrfToken = (token) => (csrfToken = token);

/** Called whenever the server says the session is gone (401). @param {() => void} handler */
export const whenSignedOut = (handler) => (onSignedOut = handler);

/**
 * Call the console API. GETs send nothing; every other method sends a JSON body (`{}` when none) and the CSRF token.
 * @template T
 * @param {string} path relative to /console/api/, query included
 * @param {{method?: 'GET' | 'POST' | 'PUT', body?: unknown, quiet401?: boolean}} [options]
 * @returns {Promise<T>}
 */
export async function api(path, { method = 'GET', body, quiet401 = false } = {}) {
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json' };
  /** @type {RequestInit} */
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken;
    init.body = JSON.stringify(body ?? {});
  }
  const res = await fetch(`/console/api/${path}`, init);
  if (res.status === 204) return /** @type {T} */ (undefined);
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401 && !quiet401) onSignedOut();
    throw new ApiError(res.status, (data && typeof data.error === 'string' && data.error) || `HTTP ${res.status}`, data);
  }
  return /** @type {T} */ (data);
}

/** A message for staff, in Korean, for a failed call. @param {unknown} err */
export function problem(err) {
  if (!(err instanceof ApiError)) return '서버에 연결하지 못했어요. 잠시 후 다시 시도해 주세요.';
  switch (err.status) {
    case 401: return '로그인이 필요해요.';
    case 403: return '권한이 없어요. 보기 전용 계정이거나 로그인이 만료되었어요.';
    case 404: return '찾을 수 없어요.';
    case 409: return '다른 사람이 먼저 바꿨어요. 새로고침 후 다시 시도해 주세요.';
    case 429: return '시도가 너무 많아요. 잠시 후 다시 시도해 주세요.';
    case 400: return `입력을 확인해 주세요 (${err.message}).`;
    default: return `문제가 생겼어요 (${err.status}). 잠시 후 다시 시도해 주세요.`;
  }
}
