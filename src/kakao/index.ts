/** Kakao i Open Builder protocol: payload parsing, response schema and builders. */
export { SkillPayload, ClientExtra, describeIssue } from './payload';
export { SkillResponse, Output, QuickReply, Button } from './response';
export { LIMITS } from './limits';
export { splitText, simpleText, textCard, quickReply, skillResponse, type TextCardInput } from './build';
