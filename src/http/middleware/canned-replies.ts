/** Canned SkillResponses the HTTP layer sends itself (rate limit, internal error), rendered once from content. */
import type { Renderer } from '../../content/render';
import { toSkillResponse } from '../../dialog/conversation';
import { deepFreeze } from '../../kakao/build';
import type { SkillResponse } from '../../kakao/response';

export interface CannedReplies {
  /** `system.rate_limited`: the user sends faster than the limit. */
  rateLimited: SkillResponse;
  /** `system.error`: the apology with 1533-0301. */
  apology: SkillResponse;
  /** `system.busy`: too many turns in flight on this server (load shedding). */
  busy: SkillResponse;
}

/**
 * Render the canned replies once (content is static); a missing response id falls back to a
 * hard-coded last resort, so the HTTP layer can always answer.
 * @example cannedReplies(renderer).rateLimited.template.outputs.length // 1
 */
export function cannedReplies(renderer?: Renderer): CannedReplies {
  return {
    rateLimited: deepFreeze(renderOr(renderer, 'system.rate_limited', LAST_RESORT_SLOW_DOWN)),
    apology: deepFreeze(renderOr(renderer, 'system.error', LAST_RESORT_APOLOGY)),
    busy: deepFreeze(renderOr(renderer, 'system.busy', LAST_RESORT_BUSY)),
  };
}

function renderOr(renderer: Renderer | undefined, id: string, fallback: SkillResponse): SkillResponse {
  if (!renderer?.has(id)) return fallback;
  try {
    return toSkillResponse([renderer.render(id)]);
  } catch {
    return fallback;
  }
}

const LAST_RESORT_SLOW_DOWN: SkillResponse = {
  version: '2.0',
  template: { outputs: [{ simpleText: { text: '메시지가 너무 빨리 들어오고 있어요. 잠시 후 다시 말씀해 주세요. (문의: 1533-0301)' } }] },
};

const LAST_RESORT_BUSY: SkillResponse = {
  version: '2.0',
  template: { outputs: [{ simpleText: { text: '지금 문의가 많아요. 잠시 후 다시 말씀해 주세요. (문의: 1533-0301)' } }] },
};

const LAST_RESORT_APOLOGY: SkillResponse = {
  version: '2.0',
  template: {
    outputs: [{ simpleText: { text: '죄송해요, 지금은 답변을 드리기 어려워요. 파트너교육가이드센터(1533-0301)로 전화해 주세요.' } }],
  },
};
