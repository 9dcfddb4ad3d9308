// @ts-check
/**
 * 놓친 질문: grouped utterances the bot missed or was unsure of. Editors add a group to an intent, mark it out of
 * scope (None or a topic) or ignore it, one at a time or checked in bulk; viewers only read.
 */
import { api, problem } from './api.js';
import { $, byId, formatNumber, formatTime, h, nameOf, STATES, toast } from './dom.js';

/** @typedef {import('./api.js').InboxItem} InboxItem */
/** @typedef {import('./api.js').InboxPage} InboxPage */
/** @typedef {import('./api.js').Intents} Intents */

const PAGE_SIZE = 50;
/** Guesses below this score say nothing useful to staff ("취소 3%"); they show as 없음. */
const GUESS_MIN = 0.2;
/** Picker values: `intent:<id>` adds to an intent, `oos:` marks out of scope (None), `oos:<topic>` into a topic. */
const OOS_NONE = 'oos:';

const list = $('inbox-list');
const stateSelect = byId('inbox-state', HTMLSelectElement);
const search = byId('inbox-q', HTMLInputElement);
const selectAll = byId('select-all', HTMLInputElement);
const bulkTarget = byId('bulk-target', HTMLSelectElement);
const bulkApply = byId('bulk-apply', HTMLButtonElement);
const bulkIgnore = byId('bulk-ignore', HTMLButtonElement);

const view = { state: 'new', q: '', page: 1, total: 0 };
/** @type {InboxItem[]} */
let items = [];
/** @type {Set<number>} */
const selected = new Set();
/** @type {Intents | null} */
let choices = null;
/** @type {() => boolean} */
let canEdit = () => false;

/** @param {{canEdit: () => boolean}} options */
export function initInbox(options) {
  canEdit = options.canEdit;
  const filter = () => {
    Object.assign(view, { state: stateSelect.value, q: search.value.trim(), page: 1 });
    void load();
  };
  byId('inbox-filter', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    filter();
  });
  stateSelect.addEventListener('change', filter);
  $('page-prev').addEventListener('click', () => turnPage(-1));
  $('page-next').addEventListener('click', () => turnPage(1));
  selectAll.addEventListener('change', () => {
    for (const item of items) selectAll.checked ? selected.add(item.id) : selected.delete(item.id);
    for (const box of list.querySelectorAll('input.pick')) /** @type {HTMLInputElement} */ (box).checked = selectAll.checked;
    updateBulk();
  });
  bulkTarget.addEventListener('change', updateBulk);
  bulkApply.addEventListener('click', () => void bulk(bulkTarget.value));
  bulkIgnore.addEventListener('click', () => void bulk('ignore'));
}

export async function showInbox() {
  if (!choices) {
    try {
      choices = await api('intents'); // names for the bot's guesses (everyone) and the pickers (editors)
      bulkTarget.replaceChildren(...targetOptions('선택한 질문을…'));
    } catch (err) {
      toast(problem(err), 'error');
    }
  }
  await load();
}

/** @param {number} step */
function turnPage(step) {
  view.page = Math.max(1, view.page + step);
  void load();
}

async function load() {
  const query = new URLSearchParams({ state: view.state, q: view.q, page: String(view.page), pageSize: String(PAGE_SIZE) });
  try {
    /** @type {InboxPage} */
    const page = await api(`inbox?${query}`);
    items = page.items;
    view.total = page.total;
    selected.clear();
    render();
  } catch (err) {
    $('inbox-summary').textContent = problem(err);
  }
}

function render() {
  list.replaceChildren(...items.map(renderItem));
  const first = (view.page - 1) * PAGE_SIZE + 1;
  $('inbox-summary').textContent = view.total
    ? `${STATES[view.state]} ${formatNumber(view.total)}개 중 ${first}–${first + items.length - 1}`
    : `${STATES[view.state]}${view.q ? ` 중 "${view.q}"` : ''}: 없어요.`;
  $('page-info').textContent = `${view.page} / ${Math.max(1, Math.ceil(view.total / PAGE_SIZE))}`;
  byId('page-prev', HTMLButtonElement).disabled = view.page <= 1;
  byId('page-next', HTMLButtonElement).disabled = view.page * PAGE_SIZE >= view.total;
  selectAll.checked = false;
  updateBulk();
}

/** @param {InboxItem} item */
function renderItem(item) {
  const textId = `item-${item.id}-text`;
  const guess = guessText(item);
  const node = h(
    'li',
    { class: 'item', 'data-id': item.id, 'data-state': item.state },
    canEdit() && h('input', { type: 'checkbox', class: 'pick', 'aria-labelledby': textId, title: '선택' }),
    h(
      'div',
      { class: 'item-main' },
      h('p', { class: 'item-text', id: textId }, item.text),
      h(
        'p',
        { class: 'item-meta' },
        h('span', { class: 'count' }, `${formatNumber(item.count)}회`),
        h('span', null, `마지막 ${formatTime(item.lastSeen)}`),
        h('span', { class: 'guess' }, `봇의 추측: ${guess}`),
        h('span', { class: `badge state-${item.state}` }, STATES[item.state] ?? item.state),
      ),
      Boolean(item.actedBy) &&
        h('p', { class: 'acted' }, `${labelText(item)} · ${item.actedBy} · ${formatTime(item.actedAt)}`),
      Boolean(item.examples?.length) &&
        h('details', { class: 'examples' }, h('summary', null, `비슷한 문장 ${item.examples?.length}개`), h('ul', null, ...(item.examples ?? []).map((e) => h('li', null, e)))),
      canEdit() && renderActions(item, textId),
    ),
  );
  node.querySelector('input.pick')?.addEventListener('change', (event) => {
    const box = /** @type {HTMLInputElement} */ (event.target);
    box.checked ? selected.add(item.id) : selected.delete(item.id);
    updateBulk();
  });
  return node;
}

/** @param {InboxItem} item @param {string} textId */
function renderActions(item, textId) {
  const pickerId = `item-${item.id}-target`;
  const picker = /** @type {HTMLSelectElement} */ (h('select', { id: pickerId, class: 'target', 'aria-describedby': textId }, ...targetOptions('처리 방법 고르기')));
  // answered as an out-of-scope topic: that topic is chosen already, so one click confirms it (or pick an FAQ intent)
  const topic = topicGuess(item);
  if (item.state === 'new' && topic) picker.value = `oos:${topic}`;
  const apply = h('button', { type: 'button', class: 'primary', 'aria-describedby': textId, disabled: !picker.value }, '적용');
  const ignore = h('button', { type: 'button', 'aria-describedby': textId }, '무시');
  const reopen = h('button', { type: 'button', 'aria-describedby': textId }, '새 질문으로');
  picker.addEventListener('change', () => (apply.disabled = !picker.value));
  apply.addEventListener('click', () => void actOne(item, picker.value));
  ignore.addEventListener('click', () => void actOne(item, 'ignore'));
  reopen.addEventListener('click', () => void actOne(item, 'reopen'));
  return h(
    'div',
    { class: 'actions' },
    h('label', { class: 'sr-only', for: pickerId }, '이 질문을 보낼 곳'),
    picker,
    apply,
    item.state !== 'ignored' && ignore,
    item.state !== 'new' && reopen,
  );
}

/** The picker's options: intents to add the utterance to, then the out-of-scope targets. @param {string} prompt */
function targetOptions(prompt) {
  const intents = (choices?.intents ?? []).filter((c) => c.id !== 'None');
  return [
    h('option', { value: '' }, prompt),
    h('optgroup', { label: '의도에 추가' }, ...intents.map((c) => h('option', { value: `intent:${c.id}` }, `${c.label} (${c.id})`))),
    h(
      'optgroup',
      { label: '범위 밖으로 표시' },
      h('option', { value: OOS_NONE }, '범위 밖 (None)'),
      ...(choices?.topics ?? []).map((c) => h('option', { value: `oos:${c.id}` }, `범위 밖: ${c.label}`)),
    ),
  ];
}

/**
 * The guess worth showing: an intent or topic scored at least GUESS_MIN, or a topic without a score (found by its
 * head noun: the bot answered the text as that topic), or a fact (a rule answered it, NLP.js did not agree); null for
 * none or a weak one. @param {InboxItem} item
 */
function shownGuess(item) {
  const guess = item.guess;
  if (!guess) return null;
  if (guess.score === null) return [...(choices?.topics ?? []), ...(choices?.facts ?? [])].some((c) => c.id === guess.intent) ? guess : null;
  return guess.score >= GUESS_MIN ? guess : null;
}

/** The out-of-scope topic the bot answered an item as (its shown guess is a topic), or null. @param {InboxItem} item */
function topicGuess(item) {
  const id = shownGuess(item)?.intent;
  return id && (choices?.topics ?? []).some((c) => c.id === id) ? id : null;
}

/** The bot's guess in words: its name, with the score when there is one; 없음 for none or a weak one. @param {InboxItem} item */
function guessText(item) {
  const guess = shownGuess(item);
  if (!guess) return '없음';
  return `${nameOf(intentNames(), guess.intent)}${guess.score === null ? '' : ` ${Math.round(guess.score * 100)}%`}`;
}

/** Korean names of intents and out-of-scope topics, for guesses and labels. @returns {Record<string, string>} */
function intentNames() {
  return Object.fromEntries([
    ['None', '범위 밖'],
    ...(choices?.intents ?? []).map((c) => [c.id, c.label]),
    ...(choices?.topics ?? []).map((c) => [c.id, `범위 밖: ${c.label}`]),
    ...(choices?.facts ?? []).map((c) => [c.id, `한 가지 사실: ${c.label}`]),
  ]);
}

/** What was done with an item, in words. @param {InboxItem} item */
function labelText(item) {
  if (item.state === 'ignored' || !item.label) return '무시함';
  if (item.label === 'None') return '범위 밖으로 표시';
  const topic = choices?.topics.find((c) => c.id === item.label);
  return topic ? `범위 밖으로 표시 (${topic.label})` : `'${nameOf(intentNames(), item.label)}'에 추가`;
}

/** A picker value, 'ignore' or 'reopen' → the API's action and body. @param {string} target */
function actionOf(target) {
  if (target === 'ignore' || target === 'reopen') return { path: target, action: target, body: {} };
  if (target.startsWith('intent:')) return { path: 'label', action: 'label', body: { intent: target.slice(7) } };
  const topic = target.slice(4);
  return { path: 'out-of-scope', action: 'out-of-scope', body: topic ? { topic } : {} };
}

/** @param {InboxItem} item @param {string} target */
async function actOne(item, target) {
  const { path, body } = actionOf(target);
  try {
    await api(`inbox/${item.id}/${path}`, { method: 'POST', body });
    toast(target === 'ignore' ? `"${item.text}" 무시했어요.` : target === 'reopen' ? `"${item.text}" 새 질문으로 되돌렸어요.` : `"${item.text}" 처리했어요.`);
    await load();
    (/** @type {HTMLElement | null} */ (list.querySelector('li select')) ?? stateSelect).focus(); // the acted-on row is gone: keep focus in the list
  } catch (err) {
    toast(problem(err), 'error');
  }
}

/** @param {string} target */
async function bulk(target) {
  if (!target || selected.size === 0) return;
  const { action, body } = actionOf(target);
  try {
    /** @type {{updated: number}} */
    const result = await api('inbox/bulk', { method: 'POST', body: { ids: [...selected], action, ...body } });
    toast(`${result.updated}개를 ${action === 'ignore' ? '무시했어요' : '처리했어요'}.`);
    await load();
  } catch (err) {
    toast(problem(err), 'error');
  }
}

function updateBulk() {
  $('selected-count').textContent = `${selected.size}개 선택`;
  bulkApply.disabled = selected.size === 0 || !bulkTarget.value;
  bulkIgnore.disabled = selected.size === 0;
  selectAll.checked = items.length > 0 && selected.size === items.length;
}
