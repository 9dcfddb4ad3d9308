/**
 * Issue #14's console API (README "Console API", content part): the draft (responses, training utterances,
 * synonyms), validation, publish with its status, versions and rollback. Reads need a session; changes need the
 * CSRF header and the editor role (the console router's guard). Every change is audited.
 */
import type { Router } from 'express';
import { z } from 'zod';
import { addUtterance, draftView, lintDraft, setResponse, setSynonyms, type DraftError } from '../content/versions/draft';
import { PublishRefused } from '../content/versions/publish';
import type { ContentService } from '../content/versions/service';
import type { Snapshot } from '../content/versions/snapshot';
import { VersionConflict } from '../content/versions/store';
import { audit } from './audit';
import { parse, Refusal, type ApiTools } from './router';

const IdParam = z.string().regex(/^[A-Za-z][\w.-]{0,99}$/, 'ids are dotted lowercase words, e.g. faq.signup');
const UtteranceBody = z.strictObject({ text: z.string().trim().min(1).max(300) });
const SynonymsBody = z.strictObject({ synonyms: z.record(z.string().min(1).max(50), z.array(z.string().min(1).max(50)).max(50)) });
const PublishBody = z.strictObject({ summary: z.string().trim().min(1).max(500), baseVersion: z.number().int().positive() });
const RollbackBody = z.strictObject({ version: z.number().int().positive() });

/**
 * @example consoleRoutes({ …, extend: [contentApi(() => server.content(), now)] })
 */
export function contentApi(service: () => ContentService | undefined, now: () => number = Date.now): (api: Router, tools: ApiTools) => void {
  const get = (): ContentService => {
    const s = service();
    if (!s) throw new Refusal(503, 'content versions are off (CONTENT_VERSIONS=on) or still starting');
    return s;
  };

  /** The draft, or the live version's files when nobody has edited since. */
  const current = async (s: ContentService): Promise<{ baseVersion: number; files: Snapshot }> => {
    const live = (await s.versions.liveVersion()) as number;
    const draft = await s.versions.draft();
    if (draft) return draft;
    const row = await s.versions.get(live);
    return { baseVersion: live, files: row?.files ?? {} };
  };

  /** Check the edited draft; save it only when `npm run validate` finds no error. */
  const save = async (s: ContentService, base: number, files: Snapshot, by: string): Promise<DraftError[]> => {
    const errors = lintDraft(files, s.devSet);
    if (!errors.length) await s.versions.saveDraft(base, files, by);
    return errors;
  };

  return (api, { authed, jsonOnly }) => {
    api.get(
      '/content',
      authed(async (_req, res) => {
        const { baseVersion, files } = await current(get());
        res.json({ baseVersion, ...draftView(files) });
      }),
    );

    api.put(
      '/content/responses/:id',
      jsonOnly,
      authed(
        async (req, res, { db, user }) => {
          const id = parse(IdParam, req.params.id, 'id');
          const s = get();
          const { baseVersion, files } = await current(s);
          let next: Snapshot;
          try {
            next = setResponse(files, id, req.body);
          } catch (errors) {
            if (!Array.isArray(errors)) throw errors;
            res.status(422).json({ ok: false, errors });
            return;
          }
          const errors = await save(s, baseVersion, next, user.name);
          if (!errors.length) await audit(db, user.name, 'content.response', `response:${id}`, undefined, now());
          res.status(errors.length ? 422 : 200).json({ ok: !errors.length, errors });
        },
        { write: true },
      ),
    );

    api.post(
      '/content/intents/:intent/utterances',
      jsonOnly,
      authed(
        async (req, res, { db, user }) => {
          const intent = parse(IdParam, req.params.intent, 'intent');
          const { text } = parse(UtteranceBody, req.body, 'body');
          const s = get();
          const { baseVersion, files } = await current(s);
          if (!files[`intents/${intent}.yml`]) throw new Refusal(404, `no intent ${intent}`);
          const errors = await save(s, baseVersion, addUtterance(files, intent, text), user.name);
          if (!errors.length) await audit(db, user.name, 'content.utterance', `intent:${intent}`, undefined, now());
          res.status(errors.length ? 422 : 200).json({ ok: !errors.length, errors });
        },
        { write: true },
      ),
    );

    api.put(
      '/content/synonyms',
      jsonOnly,
      authed(
        async (req, res, { db, user }) => {
          const { synonyms } = parse(SynonymsBody, req.body, 'body');
          const s = get();
          const { baseVersion, files } = await current(s);
          const errors = await save(s, baseVersion, setSynonyms(files, synonyms), user.name);
          if (!errors.length) await audit(db, user.name, 'content.synonyms', 'intents/_synonyms.yml', undefined, now());
          res.status(errors.length ? 422 : 200).json({ ok: !errors.length, errors });
        },
        { write: true },
      ),
    );

    api.post(
      '/content/validate',
      jsonOnly,
      authed(
        async (_req, res) => {
          const s = get();
          res.json({ errors: lintDraft((await current(s)).files, s.devSet) });
        },
        { write: true },
      ),
    );

    api.post(
      '/publish',
      jsonOnly,
      authed(
        async (req, res, { db, user }) => {
          const { summary, baseVersion } = parse(PublishBody, req.body, 'body');
          const s = get();
          const { files } = await current(s);
          try {
            const result = await s.publisher.publish({ files, baseVersion, author: user.name, summary });
            await s.versions.clearDraft();
            await audit(db, user.name, 'content.publish', `version:${result.version}`, { summary }, now());
            res.json(result);
          } catch (err) {
            if (!(err instanceof PublishRefused)) throw err;
            res.status(err.status).json({ error: err.message, ...err.detail });
          }
        },
        { write: true },
      ),
    );

    api.get(
      '/publish/status',
      authed(async (_req, res) => {
        res.json(get().publisher.status());
      }),
    );

    api.get(
      '/versions',
      authed(async (_req, res) => {
        const s = get();
        res.json({ live: await s.versions.liveVersion(), versions: await s.versions.list() });
      }),
    );

    api.post(
      '/rollback',
      jsonOnly,
      authed(
        async (req, res, { db, user }) => {
          const { version } = parse(RollbackBody, req.body, 'body');
          const s = get();
          const live = (await s.versions.liveVersion()) as number;
          try {
            await s.rollback(version, live);
          } catch (err) {
            if (err instanceof VersionConflict) throw new Refusal(409, err.message);
            if (err instanceof RangeError) throw new Refusal(404, err.message);
            throw new Refusal(422, (err as Error).message);
          }
          await audit(db, user.name, 'content.rollback', `version:${version}`, { from: live }, now());
          res.json({ live: version });
        },
        { write: true },
      ),
    );
  };
}
