/** Kakao SkillResponse v2.0 limits (spec §3), pinned in one place. */
export const LIMITS = {
  outputs: 3,
  quickReplies: 10,
  label: 14,
  simpleText: 1000,
  textCardTitle: 50,
  textCardDescription: 400,
  cardButtons: 3,
  bubbleBytes: 30_720,
} as const;
