// @ts-check
/**
 * bluebot simulator: a Kakao-like chat page. Every send goes to POST /simulator/api/turn with the body
 * Kakao would POST to the skill (utterance + user id + action.clientExtra); taps send messageText + extra.
 * Plain browser JavaScript modules (no build step), type-checked with `// @ts-check`.
 */
import { el, renderChip, renderInspector, renderOutput, summaryText } from './render.js';

/** @typedef {import('./render.js').Button} Button */
/** @typedef {import('./render.js').SkillResponse} SkillResponse */
/** @typedef {import('./render.js').Inspect} Inspect */
/** @typedef {import('./render.js').Sent} Sent */

/** What Open Builder's welcome block sends when a chat opens (README: 웰컴 블록). */
const WELCOME_UTTERANCE = '시작';
const BOT_NAME = '블루 교육 안내';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const log = $('log');
const quick = $('quick');
const input = /** @type {HTMLTextAreaElement} */ ($('input'));
const form = /** @type {HTMLFormElement} */ ($('composer'));
const toast = $('toast');
const timeFormat = new Intl.DateTimeFormat('ko-KR', { hour: 'numeric', minute: '2-digit' });

let userId = '';
/** @type {Promise<void>} */
let queue = Promise.resolve();
/** Bumped by "새 사용자": answers to an older user's turns are dropped. */
let generation = 0;

function newUserId() {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `sim-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const now = () => timeFormat.format(new Date());
const scrollDown = () => (log.scrollTop = log.scrollHeight);

/** @param {string} message */
function showToast(message) {
  toast.textContent = message;
  toast.hidden = false;
  clearTimeout(Number(toast.dataset.timer));
  toast.dataset.timer = String(setTimeout(() => (toast.hidden = true), 2600));
}

/** @param {Node} node */
function append(node) {
  log.append(node);
  scrollDown();
}

/** @param {string} text */
const addNote = (text) => append(el('div', 'note', text));

/**
 * Send one turn exactly as Kakao would (typed text, or a tap's messageText + extra as clientExtra).
 * @param {string} utterance @param {Record<string, unknown>} [clientExtra] @param {{silent?: boolean}} [opts]
 */
function send(utterance, clientExtra = {}, opts = {}) {
  const text = utterance.trim();
  if (!text) return;
  const mine = generation;
  if (!opts.silent) {
    const row = el('div', 'row user');
    row.append(el('span', 'time', now()), el('div', 'bubble', text));
    append(row);
  }
  renderQuickReplies([]);
  queue = queue.then(async () => {
    if (mine !== generation) return;
    const typing = el('div', 'row bot typing');
    typing.append(el('span', 'avatar', 'B'), el('div', 'bubble', '···'));
    append(typing);
    try {
      const data = await postTurn(text, clientExtra);
      if (mine === generation) renderBotTurn(data.response, data.inspect, { utterance: text, clientExtra });
    } catch (err) {
      if (mine === generation) addNote(`보내지 못했어요: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      typing.remove();
    }
  });
}

/** @param {string} utterance @param {Record<string, unknown>} clientExtra @returns {Promise<{response: SkillResponse, inspect: Inspect}>} */
async function postTurn(utterance, clientExtra) {
  const body = {
    intent: { id: 'simulator', name: '시뮬레이터' },
    userRequest: {
      timezone: 'Asia/Seoul',
      utterance,
      lang: 'ko',
      block: { id: 'simulator', name: '폴백 블록' },
      user: { id: userId, type: 'botUserKey', properties: {} },
    },
    bot: { id: 'simulator', name: 'bluebot' },
    action: { id: 'simulator', name: 'bluebot', params: {}, detailParams: {}, clientExtra },
  };
  const res = await fetch('/simulator/api/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}

/** @param {SkillResponse} response @param {Inspect} inspect @param {Sent} sent */
function renderBotTurn(response, inspect, sent) {
  const row = el('div', 'row bot');
  const body = el('div', 'body');
  body.append(el('div', 'name', BOT_NAME));
  for (const output of response.template.outputs) body.append(renderOutput(output, onTap));
  const details = /** @type {HTMLDetailsElement} */ (el('details', 'inspect'));
  details.append(el('summary', '', summaryText(inspect)), renderInspector(inspect, response, sent));
  details.addEventListener('toggle', () => details.open && showInPanel(inspect, response, sent));
  body.append(details);
  row.append(el('span', 'avatar', 'B'), body, el('span', 'time', now()));
  append(row);
  renderQuickReplies(response.template.quickReplies ?? []);
  showInPanel(inspect, response, sent);
}

/** Kakao: message/block send messageText (or the label) with extra; phone and operator never reach the skill. @param {Button} b */
function onTap(b) {
  if (b.action === 'phone') return showToast(`📞 전화 걸기: ${b.phoneNumber ?? ''}`);
  if (b.action === 'operator') return showToast('상담 연결: 카카오가 상담톡으로 넘겨요 (스킬은 호출되지 않아요)');
  if (b.action === 'share') return showToast('공유하기 버튼');
  send(b.messageText ?? b.label, b.extra ?? {});
}

/** @param {Button[]} replies */
function renderQuickReplies(replies) {
  quick.replaceChildren(...replies.map((q) => renderChip(q, onTap)));
  quick.classList.toggle('empty', replies.length === 0);
}

/** The wide-screen side panel shows the latest (or last opened) turn. @param {Inspect} i @param {SkillResponse} response @param {Sent} sent */
function showInPanel(i, response, sent) {
  $('inspector-body').replaceChildren(el('p', 'panel-sent', `“${sent.utterance}”`), renderInspector(i, response, sent));
}

function reset() {
  generation++;
  queue = Promise.resolve();
  userId = newUserId();
  $('user-id').textContent = userId;
  log.replaceChildren();
  renderQuickReplies([]);
  addNote(`새 사용자 ${userId} (웰컴 블록: “${WELCOME_UTTERANCE}”)`);
  send(WELCOME_UTTERANCE, {}, { silent: true });
}

function autoSize() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 120)}px`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value;
  input.value = '';
  autoSize();
  send(text);
  input.focus();
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});
input.addEventListener('input', autoSize);
$('reset').addEventListener('click', reset);
reset();
