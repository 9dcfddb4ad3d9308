/**
 * Menus for many FAQs. A response may list more topics as quick replies than Kakao shows (10). Such a list is grouped
 * at load: every topic whose response has a `category` is replaced by one quick reply for its category (first
 * appearance order; a category lists its topics in the order the menu does), other entries (상담원 연결, dialog actions) stay. Each category in responses/_categories.yml
 * becomes a response of its own id: its text, then its topics, then 처음으로; more than 9 topics are paged with
 * `더 보기` (`<category>.2`, `<category>.3`, …). Lists of 10 or fewer are never touched.
 */
import { LIMITS } from '../kakao/limits';
import { isFaq } from '../nlu/labels';
import { ContentError, ContentErrors } from './errors';
import type { CategoryDef, QuickReplyDef, ResponseDef } from './schema';

export const CATEGORIES_FILE = 'responses/_categories.yml';
const HOME: QuickReplyDef = { intent: 'greeting' };

/** Where a response id was defined, for error messages. */
export type FileOf = (id: string) => string;

/**
 * The responses with long menus grouped and one (or more, paged) response per category added.
 * Throws ContentErrors naming the file and field: an unknown category, a category id that is also a response, a
 * long menu with a topic lacking a category, or a grouped menu still over 10.
 * @example groupMenus(responses, { 'menu.account': { label: '가입·로그인', text: '…' } }, () => 'responses/x.yml')
 */
export function groupMenus(responses: Map<string, ResponseDef>, categories: Record<string, CategoryDef>, fileOf: FileOf): Map<string, ResponseDef> {
  const errors: ContentError[] = [];
  const topics = new Map<string, string[]>(Object.keys(categories).map((c) => [c, []]));
  for (const id of topicOrder(responses)) {
    const def = responses.get(id) as ResponseDef;
    if (!def.category) continue;
    const list = topics.get(def.category);
    if (list) list.push(id);
    else errors.push(new ContentError(fileOf(id), `${id}.category`, `unknown category "${def.category}" (categories are listed in ${CATEGORIES_FILE})`));
  }
  for (const id of Object.keys(categories)) {
    if (responses.has(id)) errors.push(new ContentError(CATEGORIES_FILE, `categories.${id}`, `is also a response id in ${fileOf(id)}; pick another id`));
  }
  const out = new Map<string, ResponseDef>();
  for (const [id, def] of responses) {
    const replies = def.quickReplies ?? [];
    if (replies.length <= LIMITS.quickReplies) {
      out.set(id, def);
      continue;
    }
    const grouped = groupReplies(id, replies, responses, errors, fileOf);
    out.set(id, { ...def, quickReplies: grouped });
  }
  for (const [cat, def] of Object.entries(categories)) {
    for (const [pageId, page] of categoryPages(cat, def, topics.get(cat) ?? [])) out.set(pageId, page);
  }
  if (errors.length) throw new ContentErrors(errors);
  return out;
}

/** Response ids in the order the long menus list them, then every other response in file order. */
function topicOrder(responses: Map<string, ResponseDef>): Set<string> {
  const order = new Set<string>();
  for (const def of responses.values()) {
    const replies = def.quickReplies ?? [];
    if (replies.length > LIMITS.quickReplies) for (const r of replies) if (r.intent && responses.has(r.intent)) order.add(r.intent);
  }
  for (const id of responses.keys()) order.add(id);
  return order;
}

function groupReplies(id: string, replies: QuickReplyDef[], responses: Map<string, ResponseDef>, errors: ContentError[], fileOf: FileOf): QuickReplyDef[] {
  const out: QuickReplyDef[] = [];
  const seen = new Set<string>();
  replies.forEach((reply, i) => {
    const category = reply.intent ? responses.get(reply.intent)?.category : undefined;
    if (!category) {
      if (reply.intent && isFaq(reply.intent)) {
        errors.push(new ContentError(fileOf(id), `${id}.quickReplies[${i}]`, `"${reply.intent}" has no category; a menu of over ${LIMITS.quickReplies} topics is grouped by category`));
      }
      out.push(reply);
    } else if (!seen.has(category)) {
      seen.add(category);
      out.push({ intent: category });
    }
  });
  if (out.length > LIMITS.quickReplies) {
    errors.push(new ContentError(fileOf(id), `${id}.quickReplies`, `groups into ${out.length} quick replies; limit is ${LIMITS.quickReplies} (use fewer categories)`));
  }
  return out;
}

/** A category's menu, paged: each page shows up to 8 topics + 더 보기 + 처음으로, the last page up to 9 + 처음으로. */
function categoryPages(cat: string, def: CategoryDef, ids: string[]): Array<[string, ResponseDef]> {
  const pages: Array<[string, ResponseDef]> = [];
  let rest = ids;
  for (let page = 1; page === 1 || rest.length; page += 1) {
    const pageId = page === 1 ? cat : `${cat}.${page}`;
    const last = rest.length <= LIMITS.quickReplies - 1;
    const shown = last ? rest : rest.slice(0, LIMITS.quickReplies - 2);
    rest = last ? [] : rest.slice(shown.length);
    const more: QuickReplyDef[] = last ? [] : [{ label: '더 보기', text: `${def.label} 더 보기`, intent: `${cat}.${page + 1}` }];
    pages.push([pageId, { label: def.label, bubbles: [{ text: def.text }], quickReplies: [...shown.map((intent) => ({ intent })), ...more, HOME] }]);
  }
  return pages;
}
