/** GET /simulator: the web chat simulator (filled in by the tools issue). */
import { Router } from 'express';

export function simulatorRoutes(): Router {
  return Router();
}
