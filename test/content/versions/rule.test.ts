/**
 * The rule for file and console edits, through real server starts on one database: files seed version 1; a deploy
 * whose files changed is imported on top of the console's edits (a file both changed keeps the console text and is
 * reported); `npm run content:export` writes the live version back, after which a start imports nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as YAML from 'js-yaml';
import { runExport } from '../../../src/cli/content-export';
import { readSnapshot } from '../../../src/content/versions/snapshot';
import { copyContent, editYaml } from '../../helpers/content';
import { makeTestApp, textOf, type TestApp } from '../../helpers/app';
import { tempDb, waitFor } from '../../tools/helpers';

const CONSOLE_TEXT = '콘솔에서 바꾼 회원가입 답변';
const DEPLOY_SIGNUP = '배포에서 바꾼 회원가입 답변';
const DEPLOY_START = '배포에서 바꾼 운행 시작 답변';

describe('files and console edits meet', () => {
  const dir = copyContent('rule');
  fs.cpSync(path.join(__dirname, '../../nlu'), path.join(dir, 'test/nlu'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
  const db = tempDb('rule');
  const env = { CONTENT_DIR: dir, CONTENT_VERSIONS: 'on', EVENTS_DB: db };
  const start = async (): Promise<TestApp> => {
    const app = await makeTestApp(env);
    await waitFor(() => app.runtime()?.version, 60_000);
    return app;
  };
  const setFirstBubble = (file: string, id: string, text: string) => editYaml(dir, file, (data) => void (data[id].bubbles[0] = { text }));

  it('seeds, imports a deploy over console edits with the conflict reported, exports, and then imports nothing', async () => {
    let app = await start();
    const files = readSnapshot(dir);
    const data = YAML.load(files['responses/faq.signup.yml']) as any;
    data['faq.signup'].bubbles[0] = { text: CONSOLE_TEXT };
    await app.content()!.publisher.publish({ files: { ...files, 'responses/faq.signup.yml': YAML.dump(data) }, baseVersion: 1, author: 'mina', summary: 'console edit' });
    await app.close();

    setFirstBubble('responses/faq.signup.yml', 'faq.signup', DEPLOY_SIGNUP); // conflicts with the console edit
    setFirstBubble('responses/faq.start_driving.yml', 'faq.start_driving', DEPLOY_START);
    app = await start();
    const versions = await app.content()!.versions.list();
    expect(versions.map((v) => [v.version, v.source])).toEqual([[3, 'files'], [2, 'console'], [1, 'files']]);
    expect(versions[0].summary).toContain("conflict, kept the console's text: responses/faq.signup.yml");
    expect(app.logs().some((l) => l.message === 'deploy: files also edited in the console kept the console text')).toBe(true);
    expect(textOf(await app.say('회원가입 꼭 해야 하나요', { user: 'r1' }))).toContain(CONSOLE_TEXT);
    expect(textOf(await app.say('언제부터 운행할 수 있어요?', { user: 'r2' }))).toContain(DEPLOY_START);
    await app.close();

    const lines: string[] = [];
    expect(await runExport(['--root', dir, '--db', db], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^exported version 3 /);
    expect(fs.readFileSync(path.join(dir, 'responses/faq.signup.yml'), 'utf8')).toContain(CONSOLE_TEXT);

    app = await start();
    expect((await app.content()!.versions.list()).length).toBe(3);
    expect(await app.content()!.versions.liveVersion()).toBe(3);
    await app.close();
  }, 240_000);
});
