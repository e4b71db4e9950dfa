/**
 * The messages that reach content scripts and pages — tab messages (lib/messages/tab-messages.ts)
 * and the background's events (lib/messages/events.ts) — are declared once and validated on
 * receipt: a listener takes exactly its own declared shape, and ignores everything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asEvent, EVENTS, type EventName, type EventOf } from '../../lib/messages/events.ts';
import { asTabMessage, TAB_MESSAGES, type TabMessageOf, type TabMessageType } from '../../lib/messages/tab-messages.ts';
import { LIMITS } from '../../lib/messages.ts';

/** One valid message of each kind (typed: a new one without an example does not compile). */
const TAB_EXAMPLES: { [T in TabMessageType]: TabMessageOf<T> } = {
  runCommand: { type: 'runCommand', command: 'next-name' },
  reveal: { type: 'reveal', entityId: 'place:albukamal' },
  pageInfo: { type: 'pageInfo' },
  pageText: { type: 'pageText' },
  copyPage: { type: 'copyPage' },
  saveNotice: { type: 'saveNotice', outcome: 'saved', text: 'حُفظت ✓ «عنوان» 3 أسماء', lang: 'ar' },
};
const EVENT_EXAMPLES: { [E in EventName]: EventOf<E> } = {
  importProgress: { event: 'importProgress', progress: 0.5 },
  importDone: { event: 'importDone', bundleVersion: '1f2855efdd742f' },
  siteEnabledChanged: { event: 'siteEnabledChanged', host: 'www.aljazeera.net', enabled: false },
};
const TAB_TYPES = Object.keys(TAB_MESSAGES) as TabMessageType[];
const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

describe('tab messages', () => {
  it.each(TAB_TYPES)('%s: its example is taken by its own listener only, as a fresh copy', (type) => {
    const example = TAB_EXAMPLES[type];
    const taken = asTabMessage(JSON.parse(JSON.stringify(example)), type);
    expect(taken).toEqual(example);
    for (const other of TAB_TYPES.filter((t) => t !== type)) expect(asTabMessage(example, other), other).toBeUndefined();
    expect(asTabMessage({ ...example, extra: 1 }, type)).toBeUndefined();
  });

  it.each([
    ['the pause (the background’s own)', { type: 'runCommand', command: 'toggle-pause' }],
    ['an unknown command', { type: 'runCommand', command: 'rm -rf' }],
    ['a command missing', { type: 'runCommand' }],
    ['a bad entity id', { type: 'reveal', entityId: '<img src=x>' }],
    ['an overlong entity id', { type: 'reveal', entityId: `place:${'a'.repeat(LIMITS.idLength)}` }],
    ['a page info with a field', { type: 'pageInfo', url: 'https://evil.example/' }],
    ['a notice of an unknown outcome', { type: 'saveNotice', outcome: 'deleted', text: 'x', lang: 'ar' }],
    ['a notice in a language the interface has not', { type: 'saveNotice', outcome: 'saved', text: 'x', lang: 'fr' }],
    ['an overlong notice', { type: 'saveNotice', outcome: 'saved', text: 'x'.repeat(LIMITS.pageTitleLength + 501), lang: 'ar' }],
    ['an array', ['reveal', 'place:x']],
    ['null', null],
  ])('refuses %s', (_what, message) => {
    expect(asTabMessage(message, 'runCommand', 'reveal', 'pageInfo', 'saveNotice')).toBeUndefined();
  });

  it('takes no Object.prototype member for a type, even when asked to', () => {
    for (const type of ['constructor', 'toString', '__proto__']) {
      expect(asTabMessage({ type }, type as TabMessageType), type).toBeUndefined();
    }
  });
});

describe('events', () => {
  it.each(EVENT_NAMES)('%s: its example is taken by its own listener only', (name) => {
    const example = EVENT_EXAMPLES[name];
    expect(asEvent(JSON.parse(JSON.stringify(example)), name)).toEqual(example);
    for (const other of EVENT_NAMES.filter((e) => e !== name)) expect(asEvent(example, other), other).toBeUndefined();
    expect(asEvent({ ...example, extra: 1 }, name)).toBeUndefined();
  });

  it.each([
    ['a switch for a host that is no host', { event: 'siteEnabledChanged', host: 'a b', enabled: false }],
    ['a switch that is not a boolean', { event: 'siteEnabledChanged', host: 'www.aljazeera.net', enabled: 'no' }],
    ['a request', { type: 'siteEnabledChanged', host: 'www.aljazeera.net', enabled: false }],
    ['progress beyond 1', { event: 'importProgress', progress: 2 }],
    ['progress that is no number', { event: 'importProgress', progress: Number.NaN }],
    ['an overlong bundle version', { event: 'importDone', bundleVersion: 'x'.repeat(LIMITS.bundleVersionLength + 1) }],
  ])('refuses %s', (_what, message) => {
    expect(asEvent(message, ...EVENT_NAMES)).toBeUndefined();
  });
});

describe('on anything (fast-check)', () => {
  const anyValue = fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withMap: true, withDate: true, withBigInt: true }));
  const nearTab = fc.record({ type: fc.constantFrom(...TAB_TYPES, 'constructor'), command: anyValue, entityId: anyValue }, { requiredKeys: ['type'] });
  const nearEvent = fc.record(
    { event: fc.constantFrom(...EVENT_NAMES, '__proto__'), host: fc.oneof(fc.domain(), anyValue), enabled: anyValue, progress: anyValue, bundleVersion: anyValue },
    { requiredKeys: ['event'] },
  );

  it('never throws, and takes only a declared message with exactly its fields', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, nearTab, nearEvent), (message) => {
        const tab = asTabMessage(message, ...TAB_TYPES);
        if (tab) expect(Object.keys(tab).sort()).toEqual(['type', ...Object.keys(TAB_MESSAGES[tab.type].fields)].sort());
        const event = asEvent(message, ...EVENT_NAMES);
        if (event) expect(Object.keys(event).sort()).toEqual(['event', ...Object.keys(EVENTS[event.event].fields)].sort());
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 1000) },
    );
  });
});
