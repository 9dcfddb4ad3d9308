/** Content loading: a bad file stops startup with a message naming the file and the field. */
import fs from 'node:fs';
import path from 'node:path';
import { checkContent, ContentErrors, loadContent, Renderer } from '../../src/content';
import { ROOT } from '../helpers/app';
import { copyContent } from '../helpers/content';


describe('the repository content', () => {
  it('loads and every FAQ renders within Kakao limits', () => {
    const content = loadContent(ROOT);
    const renderer = new Renderer(content.responses);
    for (const id of content.responses.keys()) {
      const reply = renderer.render(id);
      expect(reply.outputs.length).toBeGreaterThan(0);
      expect(reply.outputs.length).toBeLessThanOrEqual(3);
    }
  });
});

describe('bad content', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyContent();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const message = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('expected an error');
  };

  it('names the file and field of a label over 14 chars', () => {
    const file = path.join(dir, 'responses', 'faq.signup.yml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('label: 회원가입 필요?', 'label: 회원가입이 꼭 필요한지 궁금해요'));
    const msg = message(() => loadContent(dir));
    expect(msg).toContain('responses/faq.signup.yml');
    expect(msg).toContain('faq.signup.label');
  });

  it('names the file of broken YAML', () => {
    fs.writeFileSync(path.join(dir, 'intents', 'faq.signup.yml'), 'intent: faq.signup\nutterances: [unclosed');
    const msg = message(() => loadContent(dir));
    expect(msg).toContain('intents/faq.signup.yml');
    expect(msg).toMatch(/not valid YAML: .*\(\d+:\d+\)/); // where, so support staff can find it
  });

  it('rejects an intent file whose id does not match its name', () => {
    const file = path.join(dir, 'intents', 'faq.signup.yml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('intent: faq.signup', 'intent: faq.signupp'));
    expect(message(() => loadContent(dir))).toMatch(/intents\/faq\.signup\.yml: intent/);
  });

  it('finds a quick reply that leads nowhere', () => {
    const file = path.join(dir, 'responses', 'faq.start_driving.yml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('intent: faq.incomplete_training', 'intent: faq.nowhere'));
    const errors = checkContent(loadContent(dir));
    expect(errors.map((e) => e.message).join('\n')).toContain('faq.start_driving.quickReplies[0]: leads to "faq.nowhere"');
  });

  it('finds a missing required response', () => {
    const file = path.join(dir, 'responses', 'faq.start_driving.yml');
    fs.rmSync(file);
    expect(checkContent(loadContent(dir)).map((e) => e.message).join('\n')).toContain('faq.start_driving: is required but missing');
  });

  it('names the file and field of a bad fact rule, and a fact without its answer or an answer without its rule', () => {
    const facts = path.join(dir, 'intents', '_facts.yml');
    const text = fs.readFileSync(facts, 'utf8');
    fs.writeFileSync(facts, text.replace('fact.login_id:', 'login_id:'));
    expect(message(() => loadContent(dir))).toMatch(/intents\/_facts\.yml: facts\.login_id.*fact ids are fact\.<name>/);
    fs.writeFileSync(facts, text.replace('faqs: [faq.forgot_credentials, faq.first_login, faq.signup]', 'faqs: [faq.forgot_credentials, faq.nowhere]'));
    fs.rmSync(path.join(dir, 'responses', 'facts.yml'));
    const errors = checkContent(loadContent(dir)).map((e) => e.message).join('\n');
    expect(errors).toContain('intents/_facts.yml: facts.fact.login_id.faqs[1]: "faq.nowhere" is not an FAQ intent with a response');
    expect(errors).toContain('intents/_facts.yml: facts.fact.site_address: has no response "fact.site_address" in responses/');
    fs.writeFileSync(facts, 'facts: {}\n');
    fs.writeFileSync(path.join(dir, 'responses', 'facts.yml'), 'fact.orphan:\n  bubbles:\n    - text: 고아\n');
    expect(checkContent(loadContent(dir)).map((e) => e.message).join('\n')).toContain('fact.orphan: is a fact\'s answer but intents/_facts.yml has no rule "fact.orphan"');
  });

  it('names the file and field of a bad follow-up rule, and a rule without its answer', () => {
    const rules = path.join(dir, 'intents', '_followups.yml');
    const text = fs.readFileSync(rules, 'utf8');
    fs.writeFileSync(rules, text.replace('help.login:', 'login:'));
    expect(message(() => loadContent(dir))).toMatch(/intents\/_followups\.yml: followups\.login.*follow-up ids are help\.<name> or thanks\.<name>/);
    fs.writeFileSync(rules, text.replace('after: [faq.first_login, faq.signup]', 'after: [faq.first_login, faq.nowhere]'));
    fs.rmSync(path.join(dir, 'responses', 'help.yml'));
    const errors = checkContent(loadContent(dir)).map((e) => e.message).join('\n');
    expect(errors).toContain('intents/_followups.yml: followups.help.login.after[1]: "faq.nowhere" is not an FAQ intent with a response');
    expect(errors).toContain('intents/_followups.yml: followups.help.reset: has no response "help.reset" in responses/');
    fs.writeFileSync(rules, text.replace('    all:\n', '    al:\n'));
    expect(message(() => loadContent(dir))).toMatch(/intents\/_followups\.yml: followups\.help\.login/);
  });

  it('reports every error at once', () => {
    fs.writeFileSync(path.join(dir, 'intents', 'faq.signup.yml'), 'intent: faq.signup\nutterances: []');
    fs.writeFileSync(path.join(dir, 'intents', 'faq.start_driving.yml'), 'intent: faq.start_driving\nextra: 1\nutterances: [a]');
    let err: unknown;
    try {
      loadContent(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ContentErrors);
    expect((err as ContentErrors).errors.length).toBeGreaterThanOrEqual(2);
  });
});
