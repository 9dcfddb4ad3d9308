/** Threshold search on classified data: decision thresholds for accuracy, then the clarification margin. */
import type { DecisionThresholds } from '../decide';
import { clarifyStats, predict, type Classified } from './evaluate';
import { report, TARGETS, type Targets } from './metrics';

export interface SweepGrid {
  minScore: number[];
  confident: number[];
  minSimilarity: number[];
  clarifyMargin: number[];
  clarifyMinSecond: number[];
}

export const DEFAULT_GRID: SweepGrid = {
  minScore: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7],
  confident: [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01],
  minSimilarity: [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35],
  clarifyMargin: [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3],
  clarifyMinSecond: [0.1, 0.2, 0.3],
};

/** A needless clarification (the first guess was right) costs this many rescued ones. */
export const NEEDLESS_COST = 0.5;

export interface SetScore {
  accuracy: number;
  inScopeAccuracy: number;
  oosRejection: number;
}

export interface SweepResult {
  thresholds: DecisionThresholds;
  /** Scores with the chosen thresholds, one per classified set given to the sweep. */
  sets: SetScore[];
  /** Every set meets every target. */
  meetsTargets: boolean;
  /** Clarifications over all sets: second choice right when the first was wrong, and first already right. */
  rescued: number;
  needless: number;
}

/**
 * Search thresholds on one or more classified sets (e.g. the dev set, its typo-perturbed copy and k-fold
 * cross-validation). Phase 1 ranks every minScore/confident/minSimilarity setting by its worst set: settings where
 * every set meets every target rank by the smallest slack to a target, the others by the lowest accuracy. Among
 * the settings tied at the top, phase 2 prefers the one whose best clarification margin rescues most over all sets
 * (rescued − NEEDLESS_COST × needless; clarifying never changes the final intent), then the middle of the plateau.
 * @example sweep([await classifyAll(classifier, rows)]).thresholds
 */
export function sweep(sets: Classified[][], grid: SweepGrid = DEFAULT_GRID, targets: Targets = TARGETS): SweepResult {
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  const scored = candidates(grid).map((thresholds) => {
    const reports = sets.map((set) => report(predict(set, thresholds), targets));
    const slack = Math.min(...reports.map((r) => Math.min(r.inScopeAccuracy - targets.inScopeAccuracy, r.oosRejection - targets.oosRejection, r.accuracy - targets.overall)));
    const worstAccuracy = Math.min(...reports.map((r) => r.accuracy));
    return { thresholds, reports, meets: slack >= 0, key: [slack >= 0 ? 1 : 0, round(slack >= 0 ? slack : worstAccuracy), round(worstAccuracy)] };
  });
  const top = scored.reduce((best, c) => (compare(c.key, best) > 0 ? c.key : best), scored[0].key);
  const pooled = sets.flat();
  const tied = scored.filter((c) => compare(c.key, top) === 0).map((c) => ({ ...c, clarify: bestClarify(pooled, c.thresholds, grid) }));
  const bestValue = Math.max(...tied.map((c) => c.clarify.value));
  const plateau = tied.filter((c) => c.clarify.value === bestValue);
  const pick = plateau[Math.floor((plateau.length - 1) / 2)];
  return {
    thresholds: { ...pick.thresholds, ...pick.clarify.margins },
    sets: pick.reports.map(({ accuracy, inScopeAccuracy, oosRejection }) => ({ accuracy, inScopeAccuracy, oosRejection })),
    meetsTargets: pick.meets,
    rescued: pick.clarify.rescued,
    needless: pick.clarify.needless,
  };
}

/** Every grid point with confident ≥ minScore, in grid order (the plateau's middle is taken in this order). */
function candidates(grid: SweepGrid): DecisionThresholds[] {
  return grid.minScore.flatMap((minScore) =>
    grid.confident
      .filter((c) => c >= minScore)
      .flatMap((confident) => grid.minSimilarity.map((minSimilarity) => ({ minScore, confident, minSimilarity, clarifyMargin: 0, clarifyMinSecond: 1 }))),
  );
}

function bestClarify(classified: Classified[], base: DecisionThresholds, grid: SweepGrid) {
  let best = { margins: { clarifyMargin: 0, clarifyMinSecond: 1 }, rescued: 0, needless: 0, value: 0 };
  for (const clarifyMargin of grid.clarifyMargin) {
    for (const clarifyMinSecond of grid.clarifyMinSecond) {
      const { rescued, needless } = clarifyStats(classified, { ...base, clarifyMargin, clarifyMinSecond });
      const value = rescued - NEEDLESS_COST * needless;
      if (value > best.value) best = { margins: { clarifyMargin, clarifyMinSecond }, rescued, needless, value };
    }
  }
  return best;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
