/** botIdCheck: accept only payloads from our own bot (`bot.id`, with or without Kakao's trailing `!`). */

/**
 * True when the parsed body's `bot.id` names `botId` (a trailing `!` on either side is ignored).
 * @example botIdCheck('5f12…')({ bot: { id: '5f12…!' } }) // true
 */
export function botIdCheck(botId: string): (body: unknown) => boolean {
  const expected = withoutBang(botId);
  return (body) => {
    const id = (body as { bot?: { id?: unknown } } | undefined)?.bot?.id;
    return typeof id === 'string' && withoutBang(id) === expected;
  };
}

export const BOT_ID_REFUSAL = { error: 'bot.id is missing or names another bot' };

function withoutBang(id: string): string {
  return id.endsWith('!') ? id.slice(0, -1) : id;
}
