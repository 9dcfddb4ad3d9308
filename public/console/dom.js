// @ts-check
/** Small DOM helpers, formatters and the Korean names the console shows for the bot's ids. */

/** @typedef {Node | string | number | null | undefined | false} Child */

/**
 * Create an element with attributes (false/undefined are left out, true sets an empty attribute) and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | undefined> | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === false) continue;
    if (key === 'class') node.className = String(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(typeof child === 'number' ? String(child) : child);
  }
  return node;
}

/** @param {string} id */
export const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @template {HTMLElement} T @param {string} id @param {new () => T} type @returns {T} */
export function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return node;
}

const KST = 'Asia/Seoul';
const dateTime = new Intl.DateTimeFormat('ko-KR', { timeZone: KST, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: KST, year: 'numeric', month: '2-digit', day: '2-digit' });
const number = new Intl.NumberFormat('ko-KR');

/** `2026-12-01T03:12:00Z` → `12. 1. 12:12` (KST). @param {string | null | undefined} iso */
export const formatTime = (iso) => (iso ? dateTime.format(new Date(iso)) : '—');
/** @param {number} n */
export const formatNumber = (n) => number.format(n);
/** A share as a whole percent; 0 when the total is 0. @param {number} part @param {number} total */
export const percent = (part, total) => (total > 0 ? Math.round((part / total) * 100) : 0);
/** `2026-12-01` → `12/1`. @param {string} day */
export const shortDay = (day) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
/** Today (or `daysAgo` before it) as a KST calendar day, YYYY-MM-DD. @param {number} [daysAgo] */
export const kstDay = (daysAgo = 0) => isoDay.format(new Date(Date.now() - daysAgo * 86_400_000));

/** Outcomes as /skill records them, and the stats buckets. */
export const OUTCOMES = /** @type {Record<string, string>} */ ({
  answered: '답변',
  menu: '메뉴',
  clarified: '되묻기',
  fallback: '못 알아들음',
  out_of_scope: '범위 밖 안내',
  handoff: '상담 연결',
  cancelled: '취소',
  dialog_started: '안내 시작',
  dialog_step: '안내 진행',
  dialog_completed: '안내 완료',
  dialog_abandoned: '안내 중단',
  rate_limited: '요청 제한',
  error: '오류',
  other: '기타',
});

export const ROUTES = /** @type {Record<string, string>} */ ({
  tap: '버튼',
  exact: '정확한 문구',
  dialog: '안내 대화',
  nlu: '문장 이해',
});

export const STATES = /** @type {Record<string, string>} */ ({ new: '새 질문', done: '처리함', ignored: '무시함' });

export const ROLES = /** @type {Record<string, string>} */ ({ editor: '편집', viewer: '보기 전용' });

/** Password-reset funnel: the flow's steps (flows/password_reset.yml) and its ends. */
export const FUNNEL = /** @type {Record<string, string>} */ ({
  started: '시작',
  phone: '휴대폰 번호',
  birthdate: '생년월일',
  name: '이름',
  confirm: '확인',
  completed: '완료',
  abandoned: '중단',
  handedOff: '상담 연결',
});

/** @param {Record<string, string>} names @param {string | null | undefined} id */
export const nameOf = (names, id) => (id ? (names[id] ?? id) : '—');

let toastTimer = 0;
/** Say something briefly at the bottom of the screen (role=status, so screen readers hear it). @param {string} message @param {'ok' | 'error'} [kind] */
export function toast(message, kind = 'ok') {
  const node = $('toast');
  node.textContent = message;
  node.dataset.kind = kind;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (node.hidden = true), kind === 'error' ? 6000 : 3000);
}
