/** What the operator CLIs share: running as a program, and grouping texts as the content's normalizer does. */
import { loadSynonyms } from '../content';
import { clean, createNormalizer, type Normalizer } from '../nlu/normalize';

/**
 * Run a CLI's `run(argv)` as the program: its result is the exit code; a thrown error is one line on stderr and
 * `failCode` (no stack trace for an operator).
 * @example if (require.main === module) runAsMain(runReport)
 */
export function runAsMain(run: (argv: string[]) => Promise<number>, failCode = 2): void {
  run(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = failCode;
    },
  );
}

/**
 * The content's synonym map when it loads, so typo variants group together; plain cleanup otherwise.
 * @example normalizerFor('.')('비번 까먹음')
 */
export function normalizerFor(root: string): Normalizer {
  try {
    return createNormalizer(loadSynonyms(root));
  } catch {
    return clean;
  }
}
