/** Renders a response id from content into Kakao outputs and quick replies. */
import { simpleText, textCard } from '../kakao/build';
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
    if (!offer || !offer.yes.some((y) => keyOf(y) === keyOf(reply))) return undefined;
    return targetOf(offer);
  }

  /** Whether response `id` ends with a question a typed yes can answer. */
  offers(id: string): boolean {
    return this.responses.get(id)?.offer !== undefined;
  }

  /** Replies without placeholders never change, so they are rendered once (callers never mutate a Reply). */
  private readonly fixed = new Map<string, Reply>();

  render(id: string, params: Params = {}): Reply {
    const noParams = Object.keys(params).length === 0;
    const cached = noParams ? this.fixed.get(id) : undefined;
    if (cached) return cached;
    const reply = this.renderNow(id, params);
    if (noParams) this.fixed.set(id, deepFreeze(reply));
    return reply;
  }

  private renderNow(id: string, params: Params): Reply {
    const def = this.responses.get(id);
    if (!def) throw new UnknownResponseError(`no response "${id}" in responses/`);
    return {
      outputs: def.bubbles.flatMap((b) => this.bubble(b, params)),
      quickReplies: (def.quickReplies ?? []).map((q) => this.quickReply(q, params)),
    };
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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function targetOf(def: { intent?: string; action?: string }): TapTarget {
  return def.intent ? { intent: def.intent } : { action: def.action as string };
}

/** Replace `{name}` placeholders; unknown placeholders are left as they are. */
export function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
