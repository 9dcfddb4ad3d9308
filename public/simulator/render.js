// @ts-check
/**
 * bluebot simulator, rendering: Kakao outputs (simpleText, textCard with buttons) and the per-turn inspector as DOM nodes.
 * Text always goes in through textContent, never as HTML.
 */

/** @typedef {{label: string, action: string, messageText?: string, extra?: Record<string, unknown>, webLinkUrl?: string, phoneNumber?: string}} Button */
/** @typedef {{simpleText?: {text: string}, textCard?: {title?: string, description?: string, buttons?: Button[]}}} Output */
/** @typedef {{version: string, template: {outputs: Output[], quickReplies?: Button[]}}} SkillResponse */
/** @typedef {{normalized: string|null, intent: string|null, score: number|null, alternatives: {intent: string, score: number}[], route: string, outcome: string, dialog: {flow: string, step: string}|null, context: string|null, latencyMs: number}} Inspect */
/** @typedef {{utterance: string, clientExtra: Record<string, unknown>}} Sent */

/**
 * Create an element with a class and text.
 * @param {string} tag @param {string} [cls] @param {string} [text]
 */
export function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * One Kakao output as a bubble; card buttons call `onTap`, except webLinks, which open a new tab.
 * @param {Output} output @param {(b: Button) => void} onTap
 */
export function renderOutput(output, onTap) {
  if (output.simpleText) return el('div', 'bubble', output.simpleText.text);
  const card = el('div', 'bubble card');
  const c = output.textCard ?? {};
  if (c.title) card.append(el('div', 'card-title', c.title));
  if (c.description) card.append(el('div', 'card-desc', c.description));
  if (c.buttons?.length) {
    const buttons = el('div', 'card-buttons');
    for (const b of c.buttons) buttons.append(renderButton(b, onTap));
    card.append(buttons);
  }
  return card;
}

/** @param {Button} b @param {(b: Button) => void} onTap */
function renderButton(b, onTap) {
  if (b.action === 'webLink' && b.webLinkUrl) {
    const a = /** @type {HTMLAnchorElement} */ (el('a', 'card-button link', b.label));
    a.href = b.webLinkUrl;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.title = b.webLinkUrl;
    return a;
  }
  const button = /** @type {HTMLButtonElement} */ (el('button', `card-button is-${b.action}`, b.label));
  button.type = 'button';
  button.addEventListener('click', () => onTap(b));
  return button;
}

/** A quick-reply chip. @param {Button} q @param {(b: Button) => void} onTap */
export function renderChip(q, onTap) {
  const chip = /** @type {HTMLButtonElement} */ (el('button', 'chip', q.label));
  chip.type = 'button';
  chip.title = q.messageText ?? q.label;
  chip.addEventListener('click', () => onTap(q));
  return chip;
}

/** The one-line summary of a turn: `route · intent score · outcome`. @param {Inspect} i */
export function summaryText(i) {
  const score = i.score === null ? '' : ` ${i.score.toFixed(2)}`;
  return `${i.route} · ${i.intent ?? '—'}${score} · ${i.outcome}`;
}

/** The inspector of one turn. @param {Inspect} i @param {SkillResponse} response @param {Sent} sent */
export function renderInspector(i, response, sent) {
  const box = el('div', 'inspect-body');
  const dl = el('dl');
  /** @param {string} k @param {string | Node} v */
  const item = (k, v) => {
    const dd = el('dd');
    dd.append(v);
    dl.append(el('dt', '', k), dd);
  };
  item('route', badge(i.route));
  item('outcome', badge(i.outcome));
  item('intent', `${i.intent ?? '—'}${i.score === null ? '' : `  (${i.score.toFixed(3)})`}`);
  item('normalized', i.normalized ?? '— (분류기를 거치지 않음)');
  item('alternatives', alternatives(i));
  item('dialog', i.dialog ? `${i.dialog.flow} · ${i.dialog.step}` : '—');
  item('follow-up of', i.context ?? '—');
  item('latency', `${i.latencyMs} ms`);
  const extra = Object.keys(sent.clientExtra).length ? ` + clientExtra ${JSON.stringify(sent.clientExtra)}` : '';
  item('sent', `${JSON.stringify(sent.utterance)}${extra}`);
  const raw = el('details', 'raw');
  raw.append(el('summary', '', 'SkillResponse JSON'), el('pre', '', JSON.stringify(response, null, 2)));
  box.append(dl, raw);
  return box;
}

/** @param {string} text */
function badge(text) {
  return el('span', `badge ${text.replace(/[^\w-]/g, '')}`, text);
}

/** Runner-up intents with score bars. @param {Inspect} i */
function alternatives(i) {
  if (!i.alternatives.length) return '—';
  const list = el('ul', 'alts');
  for (const a of i.alternatives) {
    const li = el('li');
    const bar = el('span', 'bar');
    bar.style.width = `${Math.round(Math.max(0, Math.min(1, a.score)) * 100)}%`;
    li.append(el('span', 'alt-name', a.intent), el('span', 'alt-score', a.score.toFixed(3)), bar);
    list.append(li);
  }
  return list;
}
