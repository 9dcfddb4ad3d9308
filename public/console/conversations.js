// @ts-check
/** 대화 조회: one user's recent turns (route, intent, outcome, masked text), by pseudonym or raw Kakao user id. */
import { api, ApiError, problem } from './api.js';
import { $, byId, formatTime, h, nameOf, OUTCOMES, ROUTES } from './dom.js';

/** @typedef {import('./api.js').Conversation} Conversation */
/** @typedef {import('./api.js').Turn} Turn */

const input = byId('conv-user', HTMLInputElement);
const status = $('conv-status');
const result = $('conv-result');

export function initConversations() {
  byId('conv-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    void lookUp(input.value.trim());
  });
}

export function showConversations() {
  if (!result.childElementCount) input.focus();
}

/** @param {string} user */
async function lookUp(user) {
  result.replaceChildren();
  if (!user) {
    status.textContent = '사용자 가명이나 ID를 입력해 주세요.';
    return;
  }
  status.textContent = '찾는 중…';
  try {
    /** @type {Conversation} */
    const conversation = await api(`conversations/${encodeURIComponent(user)}`);
    status.textContent = conversation.turns.length
      ? `${conversation.user}: 최근 ${conversation.turns.length}턴 (최신이 위)`
      : `${conversation.user}: 남은 대화가 없어요.`;
    if (conversation.turns.length) result.replaceChildren(renderTurns(conversation.turns));
  } catch (err) {
    status.textContent = err instanceof ApiError && err.status === 404 ? '이 사용자의 대화가 없어요.' : problem(err);
  }
}

const COLUMNS = ['시각', '경로', '의도', '결과', '문장', '안내 단계', '응답'];

/** A table on a desktop; each row becomes a small card on a phone (style.css, data-label). @param {Turn[]} turns */
function renderTurns(turns) {
  const newestFirst = [...turns].sort((a, b) => b.at.localeCompare(a.at));
  return h(
    'table',
    { class: 'turns' },
    h('thead', null, h('tr', null, ...COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, ...newestFirst.map(renderTurn)),
  );
}

/** @param {Turn} turn */
function renderTurn(turn) {
  const cells = [
    formatTime(turn.at),
    nameOf(ROUTES, turn.route),
    turn.intent ? `${turn.intent}${turn.score === null ? '' : ` ${turn.score.toFixed(2)}`}` : '—',
    h('span', { class: `badge outcome-${turn.outcome}` }, nameOf(OUTCOMES, turn.outcome)),
    turn.text ?? h('span', { class: 'muted' }, '(보관 안 함)'),
    turn.flow ? `${turn.flow}${turn.step ? ` · ${turn.step}` : ''}` : '—',
    `${turn.latencyMs} ms`,
  ];
  return h('tr', { 'data-outcome': turn.outcome }, ...cells.map((cell, i) => h('td', { 'data-label': COLUMNS[i] }, cell)));
}
