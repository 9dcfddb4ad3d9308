// @ts-check
/**
 * 답변 편집: edit answers (text, cards, buttons, quick replies) with a KakaoTalk-style live preview drawn by the
 * simulator's own renderer, add training utterances, publish (progress, eval comparison) and roll back.
 * Talks only to /console/api/ (README "Versioned content"); every save is checked by the server like `npm run validate`.
 */
import { api, ApiError, problem, setCsrfToken } from './api.js';
import { $, byId, formatTime } from './dom.js';
// The simulator's own renderer, served at /simulator/assets/render.js (src/http/routes/simulator.ts); typed by the
// JSDoc imports of ../simulator/render.js below. The preview needs the simulator on (SIMULATOR=on, the default).
// @ts-ignore: the served path is not a file path
import { renderChip as chip, renderOutput as output } from '../simulator/assets/render.js';

/** @type {typeof import('../simulator/render.js').renderOutput} */
const renderOutput = output;
/** @type {typeof import('../simulator/render.js').renderChip} */
const renderChip = chip;

/** @typedef {{label?: string, webLink?: string, phone?: string, operator?: boolean, intent?: string, action?: string, text?: string}} ButtonDef */
/** @typedef {{text?: string, card?: {title?: string, description?: string, buttons?: ButtonDef[]}}} Bubble */
/** @typedef {{label?: string, category?: string, bubbles: Bubble[], quickReplies?: ButtonDef[], offer?: unknown}} ResponseDef */
/** @typedef {{faqs: string[], all: string[][], unless?: string[]}} FactDef */
/** @typedef {{baseVersion: number, responses: Record<string, ResponseDef>, intents: Record<string, string[]>, synonyms: Record<string, string[]>, facts: Record<string, FactDef>}} Draft */
/** @typedef {{file: string, field: string, message: string}} FieldError */

/** @type {Draft} */
let draft = { baseVersion: 0, responses: {}, intents: {}, synonyms: {}, facts: {} };
/** @type {ResponseDef} */
let editing = { bubbles: [] };
let editingId = '';

/** An element with text (never HTML). @param {string} tag @param {string} [cls] @param {string} [text] */
function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A labelled input bound to `get`/`set` on the response being edited. @param {string} label @param {string} value @param {(v: string) => void} set @param {boolean} [multiline] @param {string} [field] */
function field(label, value, set, multiline = false, field = '') {
  const wrap = el('div', 'ct-field');
  const id = `f-${Math.random().toString(36).slice(2, 9)}`;
  const lab = /** @type {HTMLLabelElement} */ (el('label', '', label));
  lab.htmlFor = id;
  const input = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (document.createElement(multiline ? 'textarea' : 'input'));
  input.id = id;
  input.value = value;
  input.dataset.field = field;
  if (multiline) /** @type {HTMLTextAreaElement} */ (input).rows = 5;
  input.addEventListener('input', () => {
    set(input.value);
    schedulePreview();
  });
  wrap.append(lab, input);
  return wrap;
}

/** A small button. @param {string} text @param {() => void} onClick */
function small(text, onClick) {
  const b = /** @type {HTMLButtonElement} */ (el('button', 'ghost', text));
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** The value a button or quick reply leads to, and its kind. @param {ButtonDef} b */
const targetOf = (b) => (b.webLink !== undefined ? ['webLink', b.webLink] : b.phone !== undefined ? ['phone', b.phone] : b.action !== undefined ? ['action', b.action] : b.intent !== undefined ? ['intent', b.intent] : ['operator', '']);

/** Rows for buttons or quick replies. @param {ButtonDef[]} list @param {string} path */
function tapRows(list, path) {
  const box = el('div', 'ct-taps');
  list.forEach((b, i) => {
    const [kind, value] = targetOf(b);
    const row = el('div', 'ct-tap');
    row.append(field(`라벨 (${kind})`, b.label ?? '', (v) => (v ? (b.label = v) : delete b.label), false, `${path}[${i}].label`));
    if (kind !== 'operator') {
      row.append(field(kind === 'intent' ? '이동할 답변' : kind === 'action' ? '대화 시작' : kind === 'phone' ? '전화번호' : '링크', value, (v) => (/** @type {Record<string, unknown>} */ (b)[kind] = v), false, `${path}[${i}].${kind}`));
    }
    row.append(small('삭제', () => (list.splice(i, 1), drawForm())));
    box.append(row);
  });
  return box;
}

/** Draw the form for the response being edited. */
function drawForm() {
  const form = $('response-form');
  form.replaceChildren();
  form.append(field('짧은 이름 (14자 이하, 바로가기 버튼에 쓰여요)', editing.label ?? '', (v) => (v ? (editing.label = v) : delete editing.label), false, `${editingId}.label`));
  editing.bubbles.forEach((b, i) => {
    const box = el('fieldset', 'ct-bubble');
    box.append(el('legend', '', `말풍선 ${i + 1}${b.card ? ' (카드)' : ''}`));
    if (b.card) {
      const card = b.card;
      box.append(field('카드 제목', card.title ?? '', (v) => (v ? (card.title = v) : delete card.title), false, `${editingId}.bubbles[${i}].card.title`));
      box.append(field('카드 설명 (400자 이하)', card.description ?? '', (v) => (v ? (card.description = v) : delete card.description), true, `${editingId}.bubbles[${i}].card.description`));
      box.append(el('div', 'ct-sub', '버튼'), tapRows((card.buttons ??= []), `${editingId}.bubbles[${i}].card.buttons`));
      box.append(small('+ 전화 버튼', () => (card.buttons?.push({ label: '1533-0301 전화', phone: '1533-0301' }), drawForm())));
      box.append(small('+ 링크 버튼', () => (card.buttons?.push({ label: '바로가기', webLink: 'https://' }), drawForm())));
    } else {
      box.append(field('내용', b.text ?? '', (v) => (b.text = v), true, `${editingId}.bubbles[${i}].text`));
    }
    if (editing.bubbles.length > 1) box.append(small('말풍선 삭제', () => (editing.bubbles.splice(i, 1), drawForm())));
    form.append(box);
  });
  form.append(small('+ 말풍선', () => (editing.bubbles.push({ text: '새 말풍선' }), drawForm())), small('+ 카드', () => (editing.bubbles.push({ card: { title: '제목', description: '설명' } }), drawForm())));
  const quick = el('fieldset', 'ct-bubble');
  quick.append(el('legend', '', '바로가기 버튼 (최대 10개)'), tapRows((editing.quickReplies ??= []), `${editingId}.quickReplies`));
  quick.append(small('+ 답변으로 가는 버튼', () => (editing.quickReplies?.push({ intent: 'greeting' }), drawForm())));
  form.append(quick);
  schedulePreview();
}

let previewTimer = 0;
function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => void preview(), 250);
}

/** Ask the server to render the edited response as the bot would, and draw it with the simulator's renderer. */
async function preview() {
  const box = $('preview');
  const chips = $('preview-chips');
  try {
    /** @type {{response?: {template: {outputs: import('../simulator/render.js').Output[], quickReplies?: import('../simulator/render.js').Button[]}}, errors: FieldError[]}} */
    const res = await api(`content/preview/${encodeURIComponent(editingId)}`, { method: 'POST', body: cleaned(editing) });
    showErrors($('save-errors'), res.errors);
    if (!res.response) return;
    box.replaceChildren(...res.response.template.outputs.map((o) => renderOutput(o, () => undefined)));
    chips.replaceChildren(...(res.response.template.quickReplies ?? []).map((q) => renderChip(q, () => undefined)));
  } catch (err) {
    box.replaceChildren(el('p', 'error', problem(err)));
  }
}

/** The response without empty lists the schema does not want. @param {ResponseDef} def */
function cleaned(def) {
  const copy = structuredClone(def);
  if (copy.quickReplies && !copy.quickReplies.length) delete copy.quickReplies;
  for (const b of copy.bubbles) if (b.card?.buttons && !b.card.buttons.length) delete b.card.buttons;
  return copy;
}

/** List field errors and mark the inputs they name. @param {HTMLElement} box @param {FieldError[]} errors */
function showErrors(box, errors) {
  for (const input of document.querySelectorAll('[data-field]')) input.removeAttribute('aria-invalid');
  box.hidden = !errors.length;
  box.replaceChildren(...errors.map((e) => el('div', '', `${e.file} · ${e.field}: ${e.message}`)));
  for (const e of errors) document.querySelector(`[data-field="${CSS.escape(e.field)}"]`)?.setAttribute('aria-invalid', 'true');
}

async function save() {
  try {
    /** @type {{ok: boolean, errors: FieldError[]}} */
    const res = await api(`content/responses/${encodeURIComponent(editingId)}`, { method: 'PUT', body: cleaned(editing) });
    showErrors($('save-errors'), res.errors);
    draft.responses[editingId] = structuredClone(editing);
    $('save').textContent = '저장했어요 ✓';
    setTimeout(() => ($('save').textContent = '저장 (초안)'), 1500);
  } catch (err) {
    if (err instanceof ApiError && err.status === 422) {
      const again = await fetchErrors();
      showErrors($('save-errors'), again);
    } else showErrors($('save-errors'), [{ file: '', field: '', message: problem(err) }]);
  }
}

/** The errors of a refused save (the API answers 422 with them; api() throws, so ask the preview for the same check). */
async function fetchErrors() {
  /** @type {{errors: FieldError[]}} */
  const res = await api(`content/preview/${encodeURIComponent(editingId)}`, { method: 'POST', body: cleaned(editing) });
  if (res.errors.length) return res.errors;
  /** @type {{errors: FieldError[]}} */
  const all = await api('content/validate', { method: 'POST' });
  return all.errors.length ? all.errors : [{ file: '', field: '', message: '저장하지 못했어요.' }];
}

function selectResponse() {
  editingId = byId('response-id', HTMLSelectElement).value;
  editing = structuredClone(draft.responses[editingId]);
  drawForm();
}

function drawUtterances() {
  const intent = byId('intent-id', HTMLSelectElement).value;
  $('utterances').replaceChildren(...(draft.intents[intent] ?? []).slice().reverse().map((u) => el('li', '', u)));
}

/** @param {SubmitEvent} event */
async function addUtterance(event) {
  event.preventDefault();
  const intent = byId('intent-id', HTMLSelectElement).value;
  const input = byId('utterance', HTMLInputElement);
  const text = input.value.trim();
  if (!text) return;
  try {
    await api(`content/intents/${encodeURIComponent(intent)}/utterances`, { method: 'POST', body: { text } });
    (draft.intents[intent] ??= []).push(text);
    input.value = '';
    showErrors($('utterance-errors'), []);
    drawUtterances();
  } catch (err) {
    const errors = err instanceof ApiError && err.status === 422 ? (await api('content/validate', { method: 'POST' }).catch(() => ({ errors: [] }))) : { errors: [] };
    showErrors($('utterance-errors'), /** @type {{errors: FieldError[]}} */ (errors).errors.length ? /** @type {{errors: FieldError[]}} */ (errors).errors : [{ file: '', field: '', message: problem(err) }]);
  }
}

/** @type {Array<{word: string, variants: string}>} the synonyms being edited: a base word and its variants, comma-separated */
let synonymRows = [];
const isViewer = () => document.body.dataset.role === 'viewer';

function drawSynonyms() {
  $('synonyms').replaceChildren(
    ...synonymRows.map((row, i) => {
      const line = el('div', 'ct-syn');
      line.append(
        field('기준어', row.word, (v) => (row.word = v), false, `synonyms[${i}]`),
        field('같은 뜻으로 쓰는 말', row.variants, (v) => (row.variants = v), false, `synonyms.${row.word}`),
      );
      if (!isViewer()) line.append(small('삭제', () => (synonymRows.splice(i, 1), drawSynonyms())));
      for (const input of line.querySelectorAll('input')) input.disabled = isViewer();
      return line;
    }),
  );
}

/** The edited rows as the API's `{word: [variants]}` (blank rows and blank variants left out). */
function synonymsBody() {
  /** @type {Record<string, string[]>} */
  const out = {};
  for (const row of synonymRows) {
    const word = row.word.trim();
    const variants = row.variants.split(',').map((v) => v.trim()).filter(Boolean);
    if (word) out[word] = [...new Set([...(out[word] ?? []), ...variants])];
  }
  return out;
}

/**
 * Save a whole section (the synonyms, the fact rules) into the draft: `PUT content/<what>` with `{<what>: value}`.
 * A refused save shows the errors the answer names (a schema error), else those of the draft's check.
 * @param {'synonyms' | 'facts'} what @param {unknown} value @param {string} buttonId @param {string} errorsId @param {() => void} onSaved
 */
async function saveSection(what, value, buttonId, errorsId, onSaved) {
  const button = byId(buttonId, HTMLButtonElement);
  const idle = (button.dataset.idle ??= button.textContent ?? ''); // its text before any save (a second click may come while it says 저장했어요)
  try {
    await api(`content/${what}`, { method: 'PUT', body: { [what]: value } });
    onSaved();
    showErrors($(errorsId), []);
    button.textContent = '저장했어요 ✓';
    setTimeout(() => (button.textContent = idle), 1500);
  } catch (err) {
    const refused = err instanceof ApiError && err.status === 422 ? /** @type {{errors?: FieldError[]}} */ (err.body ?? {}).errors ?? [] : [];
    const errors = refused.length ? refused : err instanceof ApiError && err.status === 422 ? (await api('content/validate', { method: 'POST' }).catch(() => ({ errors: [] }))).errors : [];
    showErrors($(errorsId), errors.length ? errors : [{ file: '', field: '', message: problem(err) }]);
  }
}

/** @type {Array<{id: string, faqs: string, all: string, unless: string}>} the fact rules being edited: lists comma-separated, one condition group per line */
let factRows = [];
/** @param {string} text */
const commaList = (text) => text.split(/[,\n]/).map((v) => v.trim()).filter(Boolean);

function drawFacts() {
  $('facts').replaceChildren(
    ...factRows.map((row, i) => {
      const box = el('div', 'ct-fact');
      const head = el('div', 'ct-fact-head');
      head.append(field('이름 (fact.…)', row.id, (v) => (row.id = v), false, `facts[${i}]`), field('이 사실이 든 FAQ', row.faqs, (v) => (row.faqs = v), false, `${row.id}.faqs`));
      if (!isViewer()) head.append(small('삭제', () => (factRows.splice(i, 1), drawFacts())));
      const all = field('조건 (한 줄에 한 묶음, 쉼표로 나눠요)', row.all, (v) => (row.all = v), true, `${row.id}.all`);
      box.append(head, all, field('제외하는 말', row.unless, (v) => (row.unless = v), true, `${row.id}.unless`));
      for (const input of box.querySelectorAll('input, textarea')) /** @type {HTMLInputElement} */ (input).disabled = isViewer();
      return box;
    }),
  );
}

/** The edited rules as the API's `{id: {faqs, all, unless?}}` (blank rows, groups and phrases left out). */
function factsBody() {
  /** @type {Record<string, FactDef>} */
  const out = {};
  for (const row of factRows) {
    const id = row.id.trim();
    if (!id) continue;
    const unless = commaList(row.unless);
    out[id] = { faqs: commaList(row.faqs), all: row.all.split('\n').map(commaList).filter((g) => g.length), ...(unless.length ? { unless } : {}) };
  }
  return out;
}

/** @typedef {{id: number, text: string, intent: string, actedBy: string | null, actedAt: string | null, adds: string[]}} PendingLabel */
/** @type {PendingLabel[]} the pending labels as listed: exactly what the next publish includes */
let pending = [];

async function drawPending() {
  /** @type {{items: PendingLabel[]}} */
  const res = await api('content/pending');
  pending = res.items;
  $('pending-empty').hidden = pending.length > 0;
  const intents = Object.keys(draft.intents).sort();
  $('pending').replaceChildren(
    ...pending.map((p) => {
      const row = el('tr');
      row.dataset.id = String(p.id);
      const text = el('td', '', p.text);
      if (p.adds.length > 1) text.append(el('div', 'ct-sub', `비슷한 문장 ${p.adds.length}개 포함`));
      else if (!p.adds.length) text.append(el('div', 'ct-sub', '이미 있거나 가려진 문장이라 추가되지 않아요'));
      const intentCell = el('td');
      if (isViewer()) intentCell.textContent = p.intent;
      else {
        const select = /** @type {HTMLSelectElement} */ (document.createElement('select'));
        select.setAttribute('aria-label', `“${p.text}”의 의도`);
        select.append(...intents.map((id) => new Option(id, id)));
        select.value = p.intent;
        select.addEventListener('change', () => void pendingAction(`inbox/${p.id}/label`, { intent: select.value }));
        intentCell.append(select);
      }
      const actions = el('td');
      if (!isViewer()) actions.append(small('빼기', () => void pendingAction(`inbox/${p.id}/reopen`, {})));
      row.append(text, intentCell, el('td', '', `${p.actedBy ?? ''}${p.actedAt ? ` · ${formatTime(p.actedAt)}` : ''}`), actions);
      return row;
    }),
  );
}

/**
 * Move a pending label to another intent, or take it out (빼기: the item goes back to 놓친 질문 as a new question,
 * unlabelled). @param {string} path @param {object} body
 */
async function pendingAction(path, body) {
  try {
    await api(path, { method: 'POST', body });
    showErrors($('pending-errors'), []);
  } catch (err) {
    showErrors($('pending-errors'), [{ file: '', field: '', message: problem(err) }]);
  }
  await drawPending();
}

const STATES = /** @type {Record<string, string>} */ ({ idle: '대기', validating: '검사 중', training: '학습 중', evaluating: '평가 중', committing: '적용 중' });

/** Publish the draft; show progress while it runs and the eval comparison after. */
async function publish() {
  const summary = byId('summary', HTMLInputElement).value.trim();
  const result = $('publish-result');
  if (!summary) {
    result.replaceChildren(el('p', 'error', '무엇을 바꿨는지 적어 주세요.'));
    return;
  }
  const button = byId('publish', HTMLButtonElement);
  button.disabled = true;
  $('progress').hidden = false;
  const timer = setInterval(() => void progress(), 400);
  try {
    const res = await fetch('/console/api/publish', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ summary, baseVersion: draft.baseVersion, pending: pending.map((p) => p.id) }),
    });
    const body = await res.json();
    result.replaceChildren(...comparison(res.ok, body));
    if (res.ok) await load();
  } catch (err) {
    result.replaceChildren(el('p', 'error', problem(err)));
  } finally {
    clearInterval(timer);
    $('progress').hidden = true;
    button.disabled = false;
  }
}

async function progress() {
  /** @type {{state: string, progress: number}} */
  const s = await api('publish/status').catch(() => ({ state: 'idle', progress: 0 }));
  $('progress-bar').style.width = `${Math.round(s.progress * 100)}%`;
  $('progress-text').textContent = STATES[s.state] ?? s.state;
}

/** The outcome of a publish: version or why not, scores live vs candidate, utterances whose answer changed. @param {boolean} ok @param {any} body */
function comparison(ok, body) {
  const out = [el('p', ok ? 'ct-ok' : 'error', ok ? `버전 ${body.version}을 게시했어요. 지금부터 이 답변이 나가요.` : `게시하지 않았어요: ${body.error}`)];
  if (body.errors?.length) out.push(...body.errors.map((/** @type {FieldError} */ e) => el('div', 'error', `${e.file} · ${e.field}: ${e.message}`)));
  const gate = body.eval;
  if (gate?.candidate) {
    const pct = (/** @type {number} */ x) => `${(x * 100).toFixed(1)}%`;
    out.push(el('p', '', `정확도: 새 버전 ${pct(gate.candidate.all.accuracy)}${gate.live ? ` · 지금 버전 ${pct(gate.live.all.accuracy)}` : ''} (${gate.candidate.all.rows}문장)`));
    if (gate.changed?.length) {
      const list = el('ul', 'ct-list');
      for (const c of gate.changed.slice(0, 50)) list.append(el('li', '', `“${c.text}” ${c.live} → ${c.candidate} (정답 ${c.expected})`));
      out.push(el('p', '', `답이 바뀐 문장 ${gate.changed.length}개`), list);
    } else out.push(el('p', '', '답이 바뀐 문장이 없어요.'));
  }
  return out;
}

async function drawVersions() {
  /** @type {{live: number, versions: Array<{version: number, author: string, at: string, summary: string}>}} */
  const res = await api('versions');
  $('live').textContent = `게시 중: v${res.live}`;
  $('versions').replaceChildren(
    ...res.versions.map((v) => {
      const row = el('tr');
      row.append(el('td', '', `v${v.version}${v.version === res.live ? ' (게시 중)' : ''}`), el('td', '', v.author), el('td', '', formatTime(v.at)), el('td', '', v.summary));
      const cell = el('td');
      if (v.version !== res.live) cell.append(small('이 버전으로 되돌리기', () => void rollback(v.version)));
      row.append(cell);
      return row;
    }),
  );
}

/** @param {number} version */
async function rollback(version) {
  try {
    await api('rollback', { method: 'POST', body: { version } });
    await load();
  } catch (err) {
    $('publish-result').replaceChildren(el('p', 'error', problem(err)));
  }
}

let csrf = '';

async function load() {
  draft = await api('content');
  const ids = Object.keys(draft.responses).sort();
  const select = byId('response-id', HTMLSelectElement);
  const keep = editingId || (ids.includes('faq.signup') ? 'faq.signup' : ids[0]);
  select.replaceChildren(...ids.map((id) => new Option(`${draft.responses[id].label ?? ''} · ${id}`, id)));
  select.value = keep;
  const intents = byId('intent-id', HTMLSelectElement);
  const keepIntent = intents.value || 'faq.signup';
  intents.replaceChildren(...Object.keys(draft.intents).sort().map((id) => new Option(id, id)));
  intents.value = keepIntent in draft.intents ? keepIntent : intents.options[0]?.value ?? '';
  selectResponse();
  drawUtterances();
  synonymRows = Object.entries(draft.synonyms).map(([word, variants]) => ({ word, variants: variants.join(', ') }));
  drawSynonyms();
  factRows = Object.entries(draft.facts ?? {}).map(([id, f]) => ({ id, faqs: f.faqs.join(', '), all: f.all.map((g) => g.join(', ')).join('\n'), unless: (f.unless ?? []).join(', ') }));
  drawFacts();
  await drawPending();
  await drawVersions();
}

async function start() {
  try {
    /** @type {{user: {name: string, role: string}, csrfToken: string}} */
    const me = await api('me', { quiet401: true });
    csrf = me.csrfToken;
    setCsrfToken(me.csrfToken);
    $('me-name').textContent = me.user.name;
    if (me.user.role !== 'editor') document.body.dataset.role = 'viewer';
    $('editor').hidden = false;
    await load();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) $('signed-out').hidden = false;
    else {
      $('unavailable').textContent = err instanceof ApiError && err.status === 503 ? '답변 편집이 꺼져 있어요 (CONTENT_VERSIONS=on 필요).' : problem(err);
      $('unavailable').hidden = false;
    }
  }
}

byId('response-id', HTMLSelectElement).addEventListener('change', selectResponse);
byId('intent-id', HTMLSelectElement).addEventListener('change', drawUtterances);
byId('utterance-form', HTMLFormElement).addEventListener('submit', (e) => void addUtterance(e));
$('save').addEventListener('click', () => void save());
$('publish').addEventListener('click', () => void publish());
/** After a row is added to a list (`listId`), bring its first input into view and focus it. @param {string} listId */
function focusNewRow(listId) {
  const last = /** @type {HTMLInputElement | null} */ ($(listId).lastElementChild?.querySelector('input') ?? null);
  last?.scrollIntoView({ block: 'nearest' });
  last?.focus();
}

$('synonym-add').addEventListener('click', () => {
  synonymRows.push({ word: '', variants: '' });
  drawSynonyms();
  focusNewRow('synonyms');
});
$('synonym-save').addEventListener('click', () => {
  const synonyms = synonymsBody();
  void saveSection('synonyms', synonyms, 'synonym-save', 'synonym-errors', () => (draft.synonyms = synonyms));
});
$('fact-add').addEventListener('click', () => {
  factRows.push({ id: 'fact.', faqs: '', all: '', unless: '' });
  drawFacts();
  focusNewRow('facts');
});
$('fact-save').addEventListener('click', () => {
  const facts = factsBody();
  void saveSection('facts', facts, 'fact-save', 'fact-errors', () => (draft.facts = facts));
});
void start();
