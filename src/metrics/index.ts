/** Prometheus metrics (filled in by the tools issue). */
import { Router } from 'express';
import type { TurnHook } from '../http/routes/skill';

export interface Metrics {
  router: Router;
  hook: TurnHook;
}

export function createMetrics(): Metrics {
  return { router: Router(), hook: () => undefined };
}
