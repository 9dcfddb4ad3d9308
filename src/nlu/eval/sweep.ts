/** Threshold search on classified data: decision thresholds for accuracy, then the clarification margin. */
import type { DecisionThresholds } from '../decide';
import { clarifyStats, predict, type Classified } from './evaluate';
import { figures, type FigureTargets } from './figures';
import { report, TARGETS, type Prediction, type Targets } from './metrics';

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
  /** Dev set v2 figures (a set with categories, scored against issue 10's targets). */
  v2?: { inScope: number; oosKept: number; nearKept: number; handoff: number };
}

/**
 * The targets a set is scored against: the first set's (`Targets`: in-scope, out-of-scope rejection, overall) or
 * dev set v2's (`{ v2: FigureTargets }`: in-scope, out of scope kept, near-domain kept, handoff; also_ok counts).
 */
export type SetTargets = Targets | { v2: FigureTargets };

interface Scored {
  score: SetScore;
  /** Smallest margin above a target (negative when one is missed). */
  slack: number;
  accuracy: number;
}

/** Score one set's predictions against its targets. */
function scoreSet(predictions: Prediction[], targets: SetTargets): Scored {
  const r = report(predictions, 'v2' in targets ? TARGETS : targets);
  const base = { accuracy: r.accuracy, inScopeAccuracy: r.inScopeAccuracy, oosRejection: r.oosRejection };
  if (!('v2' in targets)) {
    const slack = Math.min(r.inScopeAccuracy - targets.inScopeAccuracy, r.oosRejection - targets.oosRejection, r.accuracy - targets.overall);
    return { score: base, slack, accuracy: r.accuracy };
  }
  const f = figures(predictions, targets.v2);
  const parts = (['inScope', 'oosKept', 'nearKept', 'handoff'] as const).filter((k) => f[k].total);
  const slack = Math.min(...parts.map((k) => f[k].accuracy - targets.v2[k]));
  const v2 = { inScope: f.inScope.accuracy, oosKept: f.oosKept.accuracy, nearKept: f.nearKept.accuracy, handoff: f.handoff.accuracy };
  return { score: { ...base, accuracy: f.overall, v2 }, slack, accuracy: f.overall };
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
 * cross-validation), each against its own targets (`targets[i]`, default the first set's TARGETS; dev set v2 with
 * `{ v2: V2_TARGETS }`, where also_ok and "kept from an FAQ answer" count as in `npm run eval`). Phase 1 ranks every
 * minScore/confident/minSimilarity setting by its worst set: settings where every set meets every target rank by the
 * smallest slack to a target, the others by the lowest accuracy. Among the settings tied at the top, phase 2 prefers
 * the one whose best clarification margin rescues most over all sets (rescued − NEEDLESS_COST × needless; clarifying
 * never changes the final intent), then the middle of the plateau.
 * @example sweep([await classifyAll(classifier, rows)]).thresholds
 */
export function sweep(sets: Classified[][], grid: SweepGrid = DEFAULT_GRID, targets: SetTargets[] = []): SweepResult {
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  const scored = candidates(grid).map((thresholds) => {
    const results = sets.map((set, i) => scoreSet(predict(set, thresholds), targets[i] ?? TARGETS));
    const slack = Math.min(...results.map((r) => r.slack));
    const worstAccuracy = Math.min(...results.map((r) => r.accuracy));
    return { thresholds, reports: results.map((r) => r.score), meets: slack >= 0, key: [slack >= 0 ? 1 : 0, round(slack >= 0 ? slack : worstAccuracy), round(worstAccuracy)] };
  });
  const top = scored.reduce((best, c) => (compare(c.key, best) > 0 ? c.key : best), scored[0].key);
  const pooled = sets.flat();
  const tied = scored.filter((c) => compare(c.key, top) === 0).map((c) => ({ ...c, clarify: bestClarify(pooled, c.thresholds, grid) }));
  const bestValue = Math.max(...tied.map((c) => c.clarify.value));
  const plateau = tied.filter((c) => c.clarify.value === bestValue);
  const pick = plateau[Math.floor((plateau.length - 1) / 2)];
  return {
    thresholds: { ...pick.thresholds, ...pick.clarify.margins },
    sets: pick.reports,
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
