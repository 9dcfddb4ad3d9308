/** The rule for file edits meeting console edits (src/content/versions/reconcile.ts): no edit is silently lost. */
import fc from 'fast-check';
import { reconcile } from '../../../src/content/versions/reconcile';
import type { Snapshot } from '../../../src/content/versions/snapshot';

const base: Snapshot = { 'intents/a.yml': 'a1', 'responses/r.yml': 'r1', 'flows/f.yml': 'f1' };

describe('reconcile', () => {
  it('seeds version 1 from the files on an empty database', () => {
    expect(reconcile({ files: base })).toEqual({ action: 'seed', files: base });
  });

  it('does nothing when the files are the ones imported last, keeping console edits live', () => {
    expect(reconcile({ files: base, lastImported: base, live: { ...base, 'responses/r.yml': 'console' } })).toEqual({ action: 'none' });
  });

  it('imports a deploy on top of the live version: file changes taken, console edits of other files kept', () => {
    const live = { ...base, 'responses/r.yml': 'console' };
    const files = { ...base, 'intents/a.yml': 'a2', 'intents/b.yml': 'b1' };
    const out = reconcile({ files, lastImported: base, live });
    expect(out).toMatchObject({ action: 'import', conflicts: [] });
    if (out.action !== 'import') throw new Error('expected an import');
    expect(out.files).toEqual({ 'flows/f.yml': 'f1', 'intents/a.yml': 'a2', 'intents/b.yml': 'b1', 'responses/r.yml': 'console' });
    expect(out.changes).toEqual([
      { file: 'intents/a.yml', change: 'changed' },
      { file: 'intents/b.yml', change: 'added' },
    ]);
    expect(out.summary).toBe('deploy: 2 file(s) changed (changed intents/a.yml, added intents/b.yml)');
  });

  it('keeps the console text of a file both sides changed, and names it as a conflict', () => {
    const out = reconcile({ files: { ...base, 'responses/r.yml': 'deploy' }, lastImported: base, live: { ...base, 'responses/r.yml': 'console' } });
    expect(out).toMatchObject({ action: 'import', conflicts: ['responses/r.yml'], changes: [] });
    if (out.action === 'import') {
      expect(out.files['responses/r.yml']).toBe('console');
      expect(out.summary).toContain("conflict, kept the console's text: responses/r.yml");
    }
  });

  it('applies a file removed by the deploy unless the console changed it', () => {
    const { 'flows/f.yml': _gone, ...files } = base;
    const out = reconcile({ files, lastImported: base, live: base });
    expect(out.action === 'import' && out.files).toEqual({ 'intents/a.yml': 'a1', 'responses/r.yml': 'r1' });
  });

  it('property: every file ends as the deploy wrote it, as the console wrote it, or is reported as a conflict', () => {
    const text = fc.constantFrom('x', 'y', 'z', undefined);
    const names = ['intents/a.yml', 'intents/b.yml', 'responses/r.yml', 'flows/f.yml'];
    const snap = fc.tuple(...names.map(() => text)).map((t) => Object.fromEntries(names.flatMap((n, i) => (t[i] === undefined ? [] : [[n, t[i] as string]]))));
    fc.assert(
      fc.property(snap, snap, snap, (lastImported, live, files) => {
        const out = reconcile({ files, lastImported, live });
        const result = out.action === 'import' ? out.files : live;
        for (const f of names) {
          const deployChanged = files[f] !== lastImported[f];
          const consoleChanged = live[f] !== lastImported[f];
          if (deployChanged && consoleChanged && files[f] !== live[f]) {
            expect(out.action === 'import' && out.conflicts).toContain(f); // reported, never silent
            expect(result[f]).toBe(live[f]);
          } else if (deployChanged) {
            expect(result[f]).toBe(files[f]); // the deploy's edit is applied
          } else {
            expect(result[f]).toBe(live[f]); // the console's edit (or nothing) stays
          }
        }
      }),
      { numRuns: 500, seed: 14 },
    );
  });
});
