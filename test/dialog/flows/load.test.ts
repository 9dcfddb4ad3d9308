/** flows/*.yml: the repository's flows load, and a bad flow stops startup naming the file and the field. */
import fs from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../../src/content';
import { createDialogs } from '../../../src/dialog/flows';
import { loadCheckedContent } from '../../../src/server';
import { ROOT } from '../../helpers/app';
import { copyContent, editYaml } from '../../helpers/content';


function errorOf(dir: string): string {
  try {
    loadCheckedContent(dir);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('content loaded without error');
}

describe('the repository flows', () => {
  it('load into one plugin whose actions cover every tap in content', () => {
    const { plugins, actions } = createDialogs(ROOT, loadContent(ROOT));
    expect(plugins).toHaveLength(1);
    expect(actions).toEqual(expect.arrayContaining(['reset.start', 'login.start', 'dialog.resume', 'reset.yes', 'reset.retry', 'login.next', 'login.trouble']));
    expect(() => loadCheckedContent(ROOT)).not.toThrow();
  });
});

describe('a bad flow', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyContent('flows');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names an unknown validator', () => {
    editYaml(dir, 'flows/password_reset.yml', (f) => (f.steps[0].validator = 'fone'));
    expect(errorOf(dir)).toContain('flows/password_reset.yml: steps[0].validator: "fone" is unknown; use one of phone, birthdate, name');
  });

  it('names a prompt that has no response', () => {
    editYaml(dir, 'flows/first_login.yml', (f) => (f.steps[2].say = 'login.step.99'));
    expect(errorOf(dir)).toContain('flows/first_login.yml: steps[2].say: names "login.step.99", which has no response in responses/');
  });

  it('names every invalid-answer response a validator needs', () => {
    editYaml(dir, 'responses/dialog.password_reset.yml', (r) => delete r['reset.birthdate.invalid.age']);
    expect(errorOf(dir)).toContain('flows/password_reset.yml: steps[1].invalid: needs a response "reset.birthdate.invalid.age"');
  });

  it('rejects a prompt without a 취소 quick reply', () => {
    editYaml(dir, 'responses/dialog.password_reset.yml', (r) => (r['reset.ask.name'].quickReplies = [{ intent: 'handoff' }]));
    expect(errorOf(dir)).toContain('flows/password_reset.yml: steps[2].say: prompt "reset.ask.name" needs a quick reply to cancel');
  });

  it('rejects unknown fields and wrong transitions with their path', () => {
    editYaml(dir, 'flows/password_reset.yml', (f) => {
      f.steps[3].on['reset.yes'] = 'jump';
      f.steps[0].prompt = 'x';
    });
    const message = errorOf(dir);
    expect(message).toContain('flows/password_reset.yml: steps[3].on.reset.yes');
    expect(message).toContain('flows/password_reset.yml: steps[0]');
  });

  it('rejects typed words for an action the flow does not handle', () => {
    editYaml(dir, 'flows/first_login.yml', (f) => (f.words['login.jump'] = ['점프']));
    expect(errorOf(dir)).toContain('flows/first_login.yml: words.login.jump: "login.jump" is no action of this flow');
  });

  it('rejects two flows started by the same action', () => {
    editYaml(dir, 'flows/first_login.yml', (f) => (f.start.action = 'reset.start'));
    expect(errorOf(dir)).toContain('flows/password_reset.yml: start.action: is also used in flows/first_login.yml');
  });

  it('needs flows/_common.yml', () => {
    fs.rmSync(path.join(dir, 'flows/_common.yml'));
    expect(errorOf(dir)).toContain('flows/_common.yml: is missing');
  });

  it('a quick reply to an action no flow defines is caught by the content check', () => {
    editYaml(dir, 'responses/faq.first_login.yml', (r) => (r['faq.first_login'].quickReplies[0].action = 'login.begin'));
    expect(errorOf(dir)).toContain('leads to action "login.begin", which no dialog flow defines');
  });

  it('rewording a prompt or adding a step needs no code', () => {
    editYaml(dir, 'responses/dialog.first_login.yml', (r) => {
      r['login.step.8'] = { bubbles: [{ text: '[8/8] 교육 듣기' }], quickReplies: r['login.step.7'].quickReplies };
    });
    editYaml(dir, 'flows/first_login.yml', (f) => f.steps.push({ id: 'watch', say: 'login.step.8' }));
    const { dialogs } = loadCheckedContent(dir);
    expect(dialogs.plugins).toHaveLength(1);
  });
});
