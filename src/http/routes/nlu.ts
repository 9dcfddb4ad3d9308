/** POST /nlu/parse {"text"} → {intent, score, alternatives, normalized, topic?, fact?, clarify?}: the final decision, raw top 3 kept. */
import { Router } from 'express';
import { z } from 'zod';
import type { Classifier } from '../../nlu/classifier';
import { parse } from '../../nlu/parse';
import { jsonBody } from '../body';
import { cutUtterance } from '../turn-input';

const ParseRequest = z.object({ text: z.string().max(100_000) });

export function nluRoutes(classifier: () => Classifier | undefined): Router {
  const router = Router();
  router.post('/nlu/parse', jsonBody(), async (req, res) => {
    const body = ParseRequest.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: 'expected JSON {"text": string}' });
      return;
    }
    const c = classifier();
    if (!c) {
      res.status(503).json({ error: 'model is loading' });
      return;
    }
    const { intent, score, alternatives, normalized, topic, fact, clarify } = await parse(c, cutUtterance(body.data.text));
    res.json({ intent, score, alternatives, normalized, topic, fact, clarify });
  });
  return router;
}
