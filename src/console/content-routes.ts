/**
 * Issue #14's console API (README "Console API", content part): the draft (responses, training utterances,
 * synonyms), validation, publish with its status, versions and rollback. Reads need a session; changes need the
 * CSRF header and the editor role (the console router's guard). Every change is audited.
 */
import type { Response, Router } from 'express';
import { z } from 'zod';
import { addUtterance, draftView, lintDraft, setFacts, setResponse, setSynonyms, type DraftError } from '../content/versions/draft';
import { markPublished, pendingLabels, withPending } from '../content/versions/pending';
import { PublishRefused } from '../content/versions/publish';
import type { ContentService } from '../content/versions/service';
import type { Snapshot } from '../content/versions/snapshot';
import { VersionConflict } from '../content/versions/store';
import { Renderer } from '../content/render';
import type { ResponseDef } from '../content/schema';
import { skillResponse } from '../kakao/build';
import type { SkillResponse } from '../kakao/response';
import { audit } from './audit';
import { parse, Refusal, type ApiTools, type Locals } from './router';

const IdParam = z.string().regex(/^[A-Za-z][\w.-]{0,99}$/, 'ids are dotted lowercase words, e.g. faq.signup');
const UtteranceBody = z.strictObject({ text: z.string().trim().min(1).max(300) });
const SynonymsBody = z.strictObject({ synonyms: z.record(z.string().min(1).max(50), z.array(z.string().min(1).max(50)).max(50)) });
/** The fact rules whole (`intents/_facts.yml`); each rule is checked against its schema by `setFacts`, which names the field. */
const FactsBody = z.strictObject({ facts: z.record(z.string().min(1).max(60), z.unknown()).refine((f) => Object.keys(f).length <= 200, 'at most 200 facts') });
const PublishBody = z.strictObject({
  summary: z.string().trim().min(1).max(500),
  baseVersion: z.number().int().positive(),
  /** The pending labels the editor saw (ids); when given, a publish refuses (409) if the pending list changed since. */
  pending: z.array(z.number().int().positive()).max(5000).optional(),
});
const RollbackBody = z.strictObject({ version: z.number().int().positive() });

/**
 * What the bot would send for response `id` if it were `def` (rendered by the bot's own Renderer, quick-reply labels
 * borrowed from the draft), or the schema errors naming the field. For the editor's live preview.
 * @example previewResponse(files, 'faq.signup', { bubbles: [{ text: '…' }] }) // { response: {version: '2.0', …} }
 */
export function previewResponse(files: Snapshot, id: string, def: unknown): { response?: SkillResponse; errors: DraftError[] } {
  try {
    const responses = new Map(Object.entries(draftView(setResponse(files, id, def)).responses) as Array<[string, ResponseDef]>);
    const reply = new Renderer(responses).render(id);
    return { response: skillResponse(reply.outputs, reply.quickReplies), errors: [] };
  } catch (err) {
    if (Array.isArray(err)) return { errors: err as DraftError[] };
    return { errors: [{ file: `responses/${id}.yml`, field: id, message: (err as Error).message }] };
  }
}

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

  /**
   * Apply one edit to the draft: 422 with the errors (file and field named) when it fails a check, else saved and
   * audited. An edit throws DraftError[] for a schema error and RangeError for an unknown intent (404).
   */
  const applyEdit = async (res: Response, { db, user }: Locals, edit: (files: Snapshot) => Snapshot, action: string, target: string): Promise<void> => {
    const s = get();
    const { baseVersion, files } = await current(s);
    let next: Snapshot;
    try {
      next = edit(files);
    } catch (err) {
      if (err instanceof RangeError) throw new Refusal(404, err.message);
      if (!Array.isArray(err)) throw err;
      res.status(422).json({ ok: false, errors: err });
      return;
    }
    const errors = await save(s, baseVersion, next, user.name);
    if (!errors.length) await audit(db, user.name, action, target, undefined, now());
    res.status(errors.length ? 422 : 200).json({ ok: !errors.length, errors });
  };

  return (api, { authed }) => {
    api.get(
      '/content',
      authed(async (_req, res) => {
        const { baseVersion, files } = await current(get());
        res.json({ baseVersion, ...draftView(files) });
      }),
    );

    api.put(
      '/content/responses/:id',
      authed(async (req, res, locals) => {
        const id = parse(IdParam, req.params.id, 'id');
        await applyEdit(res, locals, (files) => setResponse(files, id, req.body), 'content.response', `response:${id}`);
      }, { write: true }),
    );

    api.post(
      '/content/intents/:intent/utterances',
      authed(async (req, res, locals) => {
        const intent = parse(IdParam, req.params.intent, 'intent');
        const { text } = parse(UtteranceBody, req.body, 'body');
        await applyEdit(res, locals, (files) => addUtterance(files, intent, text), 'content.utterance', `intent:${intent}`);
      }, { write: true }),
    );

    api.get(
      '/content/pending',
      authed(async (_req, res, { db }) => {
        res.json({ items: await pendingLabels(db, (await current(get())).files) });
      }),
    );

    api.put(
      '/content/synonyms',
      authed(async (req, res, locals) => {
        const { synonyms } = parse(SynonymsBody, req.body, 'body');
        await applyEdit(res, locals, (files) => setSynonyms(files, synonyms), 'content.synonyms', 'intents/_synonyms.yml');
      }, { write: true }),
    );

    api.put(
      '/content/facts',
      authed(async (req, res, locals) => {
        const { facts } = parse(FactsBody, req.body, 'body');
        await applyEdit(res, locals, (files) => setFacts(files, facts), 'content.facts', 'intents/_facts.yml');
      }, { write: true }),
    );

    api.post(
      '/content/preview/:id',
      authed(async (req, res) => {
        const id = parse(IdParam, req.params.id, 'id');
        const { files } = await current(get());
        res.json(previewResponse(files, id, req.body));
      }),
    );

    api.post(
      '/content/validate',
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
      authed(
        async (req, res, { db, user }) => {
          const { summary, baseVersion, pending: shown } = parse(PublishBody, req.body, 'body');
          const s = get();
          const { files: draft } = await current(s);
          const pending = await pendingLabels(db, draft);
          const ids = pending.map((p) => p.id);
          if (shown && (shown.length !== ids.length || !shown.every((id) => ids.includes(id)))) {
            throw new Refusal(409, 'the inbox labels waiting for a publish changed since the page loaded them; reload and check the list');
          }
          const files = withPending(draft, pending);
          try {
            const result = await s.publisher.publish({ files, baseVersion, author: user.name, summary });
            await s.versions.clearDraft();
            await markPublished(db, ids, now());
            await audit(db, user.name, 'content.publish', `version:${result.version}`, { summary, inboxGroups: ids.length }, now());
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
