/** parseSkill: validate the body once as a SkillPayload; 400 naming the field when it is not one. */
import type { RequestHandler } from 'express';
import { parsePayload } from '../../kakao/payload';

export function parseSkill(): RequestHandler {
  return function parseSkill(req, res, next) {
    const result = parsePayload(req.body);
    if (!result.ok) {
      res.status(400).json({ error: result.error });
      return;
    }
    res.locals.skill = result.payload;
    next();
  };
}
