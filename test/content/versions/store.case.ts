/** The content-version store suite, run on SQLite (store-sqlite.test.ts) and PostgreSQL (store-postgres.test.ts). */
import { openEventStore, type EventStore, type StoreConfig } from '../../../src/events';
import { artifactHash, ContentVersions, VersionConflict, type NewVersion } from '../../../src/content/versions/store';

const files = { 'intents/a.yml': 'intent: a\nutterances: [가]\n' };
const version = (summary: string, extra: Partial<NewVersion> = {}): NewVersion => ({
  source: 'console',
  author: 'editor1',
  summary,
  files,
  contentHash: 'c1',
  artifact: `{"model":"${summary}"}`,
  ...extra,
});

export function versionStoreSuite(name: string, config: () => Promise<StoreConfig>): void {
  describe(`content versions (${name})`, () => {
    let store: EventStore;
    let versions: ContentVersions;
    beforeAll(async () => {
      store = await openEventStore(await config());
      versions = new ContentVersions(store.db, () => Date.UTC(2026, 11, 1));
    });
    afterAll(() => store?.close());

    it('seeds version 1 with its files base, then stores versions on top of the live one', async () => {
      expect(await versions.state()).toBeUndefined();
      expect(await versions.commit(version('seed', { source: 'files' }), null, files)).toBe(1);
      expect(await versions.state()).toEqual({ live: 1, filesBase: files });
      expect(await versions.commit(version('second'), 1)).toBe(2);
      const v2 = await versions.get(2);
      expect(v2).toMatchObject({ version: 2, parent: 1, source: 'console', author: 'editor1', summary: 'second', files, at: '2026-12-01T00:00:00.000Z' });
      expect(v2?.artifactHash).toBe(artifactHash('{"model":"second"}'));
      expect((await versions.list()).map((v) => v.version)).toEqual([2, 1]);
    });

    it('refuses a commit on a stale base (409) and writes nothing', async () => {
      const live = await versions.liveVersion();
      await expect(versions.commit(version('stale'), (live as number) - 1)).rejects.toBeInstanceOf(VersionConflict);
      expect(await versions.liveVersion()).toBe(live);
      expect((await versions.list()).some((v) => v.summary === 'stale')).toBe(false);
    });

    it('lets exactly one of two concurrent publishes on the same base win', async () => {
      const base = (await versions.liveVersion()) as number;
      const results = await Promise.allSettled([versions.commit(version('editor A'), base), versions.commit(version('editor B'), base)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(VersionConflict);
      expect(await versions.liveVersion()).toBe(base + 1);
    });

    it('rolls back by moving the live pointer (no new version, no training), optimistically', async () => {
      const before = (await versions.list()).length;
      const live = (await versions.liveVersion()) as number;
      await versions.rollback(1, live);
      expect(await versions.liveVersion()).toBe(1);
      expect((await versions.list()).length).toBe(before);
      await expect(versions.rollback(2, live)).rejects.toBeInstanceOf(VersionConflict);
      await expect(versions.rollback(99, 1)).rejects.toThrow(/no version 99/);
    });

    it('keeps one draft', async () => {
      expect(await versions.draft()).toBeUndefined();
      await versions.saveDraft(1, files, 'editor1');
      await versions.saveDraft(1, { ...files, 'responses/r.yml': 'x' }, 'editor2');
      expect(await versions.draft()).toMatchObject({ baseVersion: 1, updatedBy: 'editor2', files: { ...files, 'responses/r.yml': 'x' } });
      await versions.clearDraft();
      expect(await versions.draft()).toBeUndefined();
    });
  });
}
