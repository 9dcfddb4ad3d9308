/** Renders a response id from content into Kakao outputs and quick replies. */
import { deepFreeze, simpleText, textCard } from '../kakao/build';
import type { Button, Output, QuickReply } from '../kakao/response';
import type { BubbleDef, ButtonDef, QuickReplyDef, ResponseDef } from './schema';

/** What one response renders to; the route turns one or more Replies into a SkillResponse. */
export interface Reply {
  outputs: Output[];
  quickReplies: QuickReply[];
}

/** Where a tap leads: the `extra` we put on quick replies and read back from `action.clientExtra`. */
export type TapTarget = { intent: string } | { action: string };

export type Params = Record<string, string | number>;

export interface RendererOptions {
  /** Keep `operator` buttons (only for channels with 상담톡 or 1:1 chat). */
  operatorButton?: boolean;
}

export class UnknownResponseError extends Error {
  override name = 'UnknownResponseError';
}

/**
 * Turns response ids into Replies. Quick replies carry `extra` so taps route without the classifier.
 * @example new Renderer(responses).render('faq.signup').outputs.length // 2
 */
export class Renderer {
  constructor(
    private readonly responses: Map<string, ResponseDef>,
    private readonly options: RendererOptions = {},
  ) {}

  has(id: string): boolean {
    return this.responses.has(id);
  }

  /** The short topic label of a response (used for quick replies that point at it). */
  label(id: string): string | undefined {
    return this.responses.get(id)?.label;
  }

  /** Where a typed yes to response `id`'s closing question leads, if it asks one. */
  offer(id: string, reply: string, keyOf: (text: string) => string): TapTarget | undefined {
    const offer = this.responses.get(id)?.offer;
    if (!offer || !this.yesKeys(id, offer.yes, keyOf).has(keyOf(reply))) return undefined;
    return targetOf(offer);
  }

  /** The keys of a response's yes words, computed once per response and key function. */
  private readonly yesKeysByFn = new WeakMap<(text: string) => string, Map<string, Set<string>>>();

  private yesKeys(id: string, yes: string[], keyOf: (text: string) => string): Set<string> {
    let byId = this.yesKeysByFn.get(keyOf);
    if (!byId) this.yesKeysByFn.set(keyOf, (byId = new Map()));
    let keys = byId.get(id);
    if (!keys) byId.set(id, (keys = new Set(yes.map(keyOf))));
    return keys;
  }

  /** Whether response `id` ends with a question a typed yes can answer. */
  offers(id: string): boolean {
    return this.responses.get(id)?.offer !== undefined;
  }

  /**
   * Replies rendered without params never change, so they are rendered once, deeply frozen and shared (callers never
   * mutate a Reply). A response with no `{placeholder}` renders the same whatever the params, so it is served from
   * the same frozen reply when params are given (dialog steps pass the slot params to every render). A response with
   * placeholders is filled on every call, but only its bubbles and quick replies that have one: the others are the
   * frozen parts of the fixed rendering (so the response check can tell them already checked).
   */
  private readonly fixed = new Map<string, Reply>();
  private readonly placeholders = new WeakMap<object, boolean>();
  private readonly fixedBubbles = new WeakMap<BubbleDef, Output[]>();
  private readonly fixedQuickReplies = new WeakMap<QuickReplyDef, QuickReply>();

  render(id: string, params: Params = {}): Reply {
    const fixed = isEmpty(params) || !this.hasPlaceholders(id);
    const cached = fixed ? this.fixed.get(id) : undefined;
    if (cached) return cached;
    const reply = this.renderNow(id, fixed ? {} : params);
    if (fixed) this.fixed.set(id, deepFreeze(reply));
    return reply;
  }

  /** Whether params can change how `id` renders (see `partHasPlaceholders`). */
  hasPlaceholders(id: string): boolean {
    const def = this.responses.get(id);
    if (!def) return false;
    return def.bubbles.some((b) => this.partHasPlaceholders(b)) || (def.quickReplies ?? []).some((q) => this.partHasPlaceholders(q));
  }

  /**
   * Whether params can change how a bubble or quick reply renders: a `{word}` anywhere in its definition, or in the
   * label of a response it (or a button of it) points at, since an unlabelled quick reply shows its target's label.
   * Conservative: a `{word}` in a field that is never filled counts too.
   */
  private partHasPlaceholders(part: BubbleDef | QuickReplyDef): boolean {
    let known = this.placeholders.get(part);
    if (known === undefined) {
      const targets = ('card' in part ? (part.card.buttons ?? []) : [part]) as Array<{ intent?: string }>;
      const labels = targets.map((t) => (typeof t.intent === 'string' ? (this.label(t.intent) ?? '') : ''));
      known = PLACEHOLDER.test(JSON.stringify(part)) || labels.some((l) => PLACEHOLDER.test(l));
      this.placeholders.set(part, known);
    }
    return known;
  }

  private renderNow(id: string, params: Params): Reply {
    const def = this.responses.get(id);
    if (!def) throw new UnknownResponseError(`no response "${id}" in responses/`);
    const filled = !isEmpty(params);
    return {
      outputs: def.bubbles.flatMap((b) => (filled && this.partHasPlaceholders(b) ? this.bubble(b, params) : this.fixedBubble(b))),
      quickReplies: (def.quickReplies ?? []).map((q) => (filled && this.partHasPlaceholders(q) ? this.quickReply(q, params) : this.fixedQuickReply(q))),
    };
  }

  private fixedBubble(def: BubbleDef): Output[] {
    let outputs = this.fixedBubbles.get(def);
    if (!outputs) this.fixedBubbles.set(def, (outputs = deepFreeze(this.bubble(def, {}))));
    return outputs;
  }

  private fixedQuickReply(def: QuickReplyDef): QuickReply {
    let reply = this.fixedQuickReplies.get(def);
    if (!reply) this.fixedQuickReplies.set(def, (reply = deepFreeze(this.quickReply(def, {}))));
    return reply;
  }

  /** A quick reply that leads to `target`, labelled with the target's own label unless given. */
  quickReply(def: QuickReplyDef, params: Params = {}): QuickReply {
    const label = fill(def.label ?? this.labelOf(def), params);
    return { label, action: 'message', messageText: fill(def.text ?? label, params), extra: targetOf(def) };
  }

  private labelOf(def: QuickReplyDef): string {
    const label = def.intent ? this.label(def.intent) : undefined;
    if (!label) throw new UnknownResponseError(`quick reply to ${def.intent ?? def.action} has no label`);
    return label;
  }

  private bubble(def: BubbleDef, params: Params): Output[] {
    if ('text' in def) return simpleText(fill(def.text, params));
    const { title, description, buttons = [] } = def.card;
    return [
      textCard({
        title: title && fill(title, params),
        description: description && fill(description, params),
        buttons: buttons.flatMap((b) => this.button(b, params)),
      }),
    ];
  }

  private button(def: ButtonDef, params: Params): Button[] {
    if ('webLink' in def) return [{ label: def.label, action: 'webLink', webLinkUrl: def.webLink }];
    if ('phone' in def) return [{ label: def.label, action: 'phone', phoneNumber: def.phone }];
    if ('operator' in def) return this.options.operatorButton ? [{ label: def.label, action: 'operator' }] : [];
    const q = this.quickReply(def, params);
    return [{ label: q.label, action: 'message', messageText: (q as { messageText: string }).messageText, extra: targetOf(def) }];
  }
}

/** What `fill` replaces. */
const PLACEHOLDER = /\{\w+\}/;

function isEmpty(params: Params): boolean {
  for (const _ in params) return false;
  return true;
}

function targetOf(def: { intent?: string; action?: string }): TapTarget {
  return def.intent ? { intent: def.intent } : { action: def.action as string };
}

/** Replace `{name}` placeholders; unknown placeholders are left as they are. */
export function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
