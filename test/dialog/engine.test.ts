/** The engine is a pure step function: same flow, state, command and clock → same result. */
import { advance, isExpired, type Advance } from '../../src/dialog/engine';
import { FlowFile } from '../../src/dialog/flows';
import type { DialogState } from '../../src/dialog/session';

const flow = FlowFile.parse({
  id: 'demo',
  start: { action: 'demo.start' },
  limits: { attempts: 3, minutes: 15, helps: 2 },
  say: { intro: 'demo.intro', prefilled: 'demo.prefilled', done: 'demo.done', giveUp: 'demo.give_up', timeout: 'demo.timeout', trouble: 'demo.trouble' },
  steps: [
    { id: 'phone', say: 'ask.phone', slot: 'phone', validator: 'phone', invalid: 'phone.invalid' },
    { id: 'name', say: 'ask.name', slot: 'name', validator: 'name', invalid: 'name.invalid', help: 'name.help' },
    { id: 'confirm', say: 'confirm', invalid: 'confirm.invalid', on: { 'demo.yes': 'next', 'demo.retry': 'restart', 'demo.help': 'help' } },
  ],
});
const T0 = Date.parse('2026-11-25T10:00:00+09:00');

function started(prefill: Record<string, string> = {}): DialogState {
  return advance(flow, null, { kind: 'start', prefill }, T0).state as DialogState;
}

describe('advance', () => {
  it('starts at the first step with the intro, and skips slots the opening utterance filled', () => {
    expect(advance(flow, null, { kind: 'start' }, T0)).toEqual<Advance>({
      state: { flow: 'demo', step: 'phone', startedAt: T0, attempts: 0, helps: 0, slots: {} },
      say: ['demo.intro', 'ask.phone'],
      status: 'started',
      slots: {},
    });
    const prefilled = advance(flow, null, { kind: 'start', prefill: { phone: '01012345678', other: 'x' } }, T0);
    expect(prefilled.say).toEqual(['demo.intro', 'demo.prefilled', 'ask.name']);
    expect(prefilled.state?.slots).toEqual({ phone: '01012345678' });
  });

  it('a valid value fills the slot and asks the next question', () => {
    const next = advance(flow, started(), { kind: 'value', value: '01012345678' }, T0 + 1000);
    expect(next).toMatchObject({ status: 'asked', say: ['ask.name'], state: { step: 'name', slots: { phone: '01012345678' } } });
  });

  it('an invalid answer says the reason-specific message instead of the question, counting attempts', () => {
    const once = advance(flow, started(), { kind: 'invalid', reason: 'prefix' }, T0);
    expect(once).toMatchObject({ status: 'rejected', say: ['phone.invalid.prefix'], state: { step: 'phone', attempts: 1 } });
    const twice = advance(flow, once.state, { kind: 'invalid', reason: 'length' }, T0);
    expect(twice.say).toEqual(['phone.invalid.length']);
    expect(twice.state?.attempts).toBe(2);
  });

  it('the third invalid answer to one question gives up and ends the dialog', () => {
    let state: DialogState | null = started();
    const results = [1, 2, 3].map(() => {
      const r = advance(flow, state, { kind: 'invalid', reason: 'empty' }, T0);
      state = r.state;
      return r;
    });
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'gave_up']);
    expect(results[2]).toMatchObject({ state: null, say: ['demo.give_up'] });
  });

  it('attempts start again on the next question', () => {
    const rejected = advance(flow, started(), { kind: 'invalid', reason: 'empty' }, T0);
    const next = advance(flow, rejected.state, { kind: 'value', value: '01012345678' }, T0);
    expect(next.state?.attempts).toBe(0);
  });

  it('completes after the last step and hands back the slots for the final message', () => {
    let state = started({ phone: '01012345678' });
    state = advance(flow, state, { kind: 'value', value: '홍길동' }, T0).state as DialogState;
    const done = advance(flow, state, { kind: 'choice', action: 'demo.yes' }, T0);
    expect(done).toEqual<Advance>({ state: null, say: ['demo.done'], status: 'completed', slots: { phone: '01012345678', name: '홍길동' } });
  });

  it('restart clears every slot and asks the first question again', () => {
    const state: DialogState = { ...started({ phone: '01012345678' }), step: 'confirm', slots: { phone: '01012345678', name: '홍길동' } };
    expect(advance(flow, state, { kind: 'choice', action: 'demo.retry' }, T0)).toMatchObject({ state: { step: 'phone', slots: {} }, say: ['ask.phone'], slots: {} });
  });

  it('help explains the step, and the second help on one step says trouble', () => {
    const state: DialogState = { ...started(), step: 'confirm' };
    const once = advance(flow, state, { kind: 'choice', action: 'demo.help' }, T0);
    expect(once).toMatchObject({ status: 'helped', say: ['confirm'], state: { helps: 1 } });
    expect(advance(flow, once.state, { kind: 'choice', action: 'demo.help' }, T0).say).toEqual(['demo.trouble']);
  });

  it('an unknown choice, or a choice on a slot step, re-asks the question', () => {
    expect(advance(flow, started(), { kind: 'choice', action: 'demo.yes' }, T0)).toMatchObject({ status: 'asked', say: ['ask.phone'], state: { step: 'phone' } });
    expect(advance(flow, started(), { kind: 'choice', action: 'nope' }, T0).say).toEqual(['ask.phone']);
  });

  it('resume repeats the current prompt without counting an attempt', () => {
    const rejected = advance(flow, started(), { kind: 'invalid', reason: 'empty' }, T0);
    expect(advance(flow, rejected.state, { kind: 'resume' }, T0)).toMatchObject({ say: ['ask.phone'], state: { attempts: 1 } });
  });

  it('after 15 minutes any turn ends the dialog with the timeout script', () => {
    const state = started();
    expect(isExpired(flow, state, T0 + 15 * 60_000)).toBe(false);
    expect(isExpired(flow, state, T0 + 15 * 60_000 + 1)).toBe(true);
    expect(advance(flow, state, { kind: 'value', value: '01012345678' }, T0 + 16 * 60_000)).toMatchObject({
      state: null,
      say: ['demo.timeout'],
      status: 'timed_out',
    });
  });

  it('never changes the state it is given', () => {
    const state = started();
    const copy = structuredClone(state);
    advance(flow, state, { kind: 'value', value: '01012345678' }, T0);
    advance(flow, state, { kind: 'invalid' }, T0);
    expect(state).toEqual(copy);
  });
});
