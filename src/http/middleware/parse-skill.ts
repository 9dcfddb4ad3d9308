/** parseSkill: validate the body once as a SkillPayload; 400 naming the field when it is not one. */
import type { RequestHandler } from 'express';
import { describeIssue, SkillPayload } from '../../kakao/payload';

export function parseSkill(): RequestHandler {
  return function parseSkill(req, res, next) {
    const result = SkillPayload.safeParse(req.body);
    if (!result.success) {
      res.status(400).json({ error: describeIssue(result.error) });
      return;
    }
    res.locals.skill = result.data;
    next();
  };
}
