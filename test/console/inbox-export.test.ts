/** `npm run inbox:export`: labelled inbox texts appended to intents/<intent>.yml, deduplicated, masked ones left out, once. */
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { loadContent } from '../../src/content';
import { changeGroups, createEventRecorder, openEventStore } from '../../src/events';
import { copyContent } from '../helpers/content';
import { fakeTurn } from '../events/fixtures';
import { runCli, tempDb } from '../tools/helpers';

const CLI = 'src/cli/inbox-export.ts';

it('appends labelled utterances (readable YAML, comments kept), skips duplicates and masked texts, and never exports twice', async () => {
  const root = copyContent('export');
  const file = tempDb('export');
  const env = { EVENTS_DB: file, DATABASE_URL: '', CONTENT_DIR: root };
  const store = await openEventStore({ EVENTS_DB: file, CONTENT_DIR: root });
  try {
    const recorder = createEventRecorder({ store: async () => store });
    const existing = (load(fs.readFileSync(path.join(root, 'intents/faq.signup.yml'), 'utf8')) as { utterances: string[] }).utterances[0];
    for (const text of ['가입비 따로 있나요', '가입비 따로 있나요?!', '회원 가입: 꼭 해야 하나요 #궁금', existing, '제 번호 010-1234-5678 로 가입했어요', '날씨 좋네요', '무시할 말']) {
      recorder.hook(...fakeTurn({ text }));
    }
    await recorder.flush();
    const groups = await store.db.selectFrom('inbox_groups').select(['id', 'text']).execute();
    const id = (t: string) => groups.find((g) => g.text === t)!.id;
    await changeGroups(store.db, [id('가입비 따로 있나요'), id('회원 가입: 꼭 해야 하나요 #궁금'), id(existing), id('제 번호 010-****-5678 로 가입했어요')], { action: 'label', intent: 'faq.signup' }, 'mina');
    await changeGroups(store.db, [id('날씨 좋네요')], { action: 'out-of-scope' }, 'mina');
    await changeGroups(store.db, [id('무시할 말')], { action: 'ignore' }, 'mina');

    const before = fs.readFileSync(path.join(root, 'intents/faq.signup.yml'), 'utf8');
    const dry = await runCli(CLI, ['--dry-run'], '', env);
    expect(dry.stdout).toContain('dry run: 3 utterance(s) from 5 item(s) would be written');
    expect(fs.readFileSync(path.join(root, 'intents/faq.signup.yml'), 'utf8')).toBe(before);

    const run = await runCli(CLI, [], '', env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('intents/faq.signup.yml: +2');
    expect(run.stdout).toContain('intents/None.yml: +1');
    const after = fs.readFileSync(path.join(root, 'intents/faq.signup.yml'), 'utf8');
    expect(after.startsWith(before.trimEnd())).toBe(true); // appended: the file's comments and layout are kept
    expect(after.slice(before.trimEnd().length)).toMatch(/^\n {2}# from the console inbox \(npm run inbox:export, \d{4}-\d\d-\d\d\)\n {2}- 가입비 따로 있나요\n {2}- '회원 가입: 꼭 해야 하나요 #궁금'\n$/);
    const content = loadContent(root); // still valid content
    const signup = content.intents.find((i) => i.intent === 'faq.signup')!.utterances;
    expect(signup).toContain('회원 가입: 꼭 해야 하나요 #궁금');
    expect(signup.filter((u) => u === existing)).toHaveLength(1);
    expect(signup.join('\n')).not.toMatch(/\*\*\*\*/);
    expect(content.intents.find((i) => i.intent === 'None')!.utterances).toContain('날씨 좋네요');

    const again = await runCli(CLI, [], '', env);
    expect(again.stdout).toContain('0 utterance(s) from 0 item(s) written');
    expect(fs.readFileSync(path.join(root, 'intents/faq.signup.yml'), 'utf8')).toBe(after);
  } finally {
    await store.close();
  }
}, 60_000);
