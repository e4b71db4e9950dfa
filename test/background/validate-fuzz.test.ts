/**
 * Property tests (fast-check) of the background's message validation (validate.ts): whatever a
 * sender puts in a message — random JSON, values structured clone carries (Firefox), objects
 * without a prototype, near-valid requests with one field wrong — parseRequest never throws, an
 * invalid message gets a clean error (a short non-empty string), and a valid one comes out as
 * exactly the fields of its type, allowed for its sender, and valid again when sent again.
 * `npm run fuzz` runs them with FUZZ_RUNS cases.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseRequest, type SenderInfo } from '../../entrypoints/background/validate.ts';
import { LIMITS } from '../../lib/messages.ts';
import { REQUESTS, type RequestType } from '../../lib/messages/requests.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);
const TIMEOUT = Math.max(30_000, RUNS * 2);

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

// From the single declaration (lib/messages/requests.ts), so a new request is fuzzed too; who may
// send what is pinned separately in messages.test.ts.
const TYPES = Object.keys(REQUESTS) as RequestType[];
const FIELDS = Object.fromEntries(TYPES.map((t) => [t, Object.keys(REQUESTS[t].fields)])) as Record<RequestType, string[]>;
const FROM_CONTENT = new Set(TYPES.filter((t) => REQUESTS[t].from !== 'extension'));
const CONTENT_ONLY = new Set(TYPES.filter((t) => REQUESTS[t].from === 'content'));
const OWN_HOST = new Map(TYPES.flatMap((t) => { const f = (REQUESTS[t] as { ownHost?: string }).ownHost; return f ? [[t, f] as const] : []; }));

const sender: fc.Arbitrary<SenderInfo> = fc.oneof(
  fc.constant<SenderInfo>({ id: ID, url: `${ORIGIN}/popup.html` }),
  fc.constantFrom('https://www.aljazeera.net/news/1', 'http://127.0.0.2:8080/frame.html', 'https://[::1]/x').chain((url) =>
    fc.record({ id: fc.constant(ID), url: fc.constant(url), tab: fc.record({ id: fc.nat(100) }), frameId: fc.nat(20) }),
  ),
  fc.record(
    {
      id: fc.oneof(fc.constant(ID), fc.string()),
      url: fc.oneof(fc.webUrl(), fc.string(), fc.constant(`${ORIGIN}/x.html`), fc.constant('file:///etc/passwd')),
      tab: fc.record({ id: fc.oneof(fc.integer(), fc.double()) }, { requiredKeys: [] }),
      frameId: fc.oneof(fc.integer(), fc.double()),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<SenderInfo>,
);

/** Values of every shape: JSON, and what structured clone also carries. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true, withBigInt: true, withSparseArray: true, withBoxedValues: true }),
);

const fieldValue = (field: string): fc.Arbitrary<unknown> => {
  switch (field) {
    case 'entityId':
      return fc.oneof(fc.constantFrom('place:albukamal', 'group:isis', '__proto__', 'place:', 'PLACE:x', `place:${'a'.repeat(LIMITS.idLength)}`), fc.string());
    case 'host':
      return fc.oneof(fc.constantFrom('www.aljazeera.net', '127.0.0.2', '[::1]', 'a b', '', 'x'.repeat(300)), fc.domain(), fc.string());
    case 'enabled':
      return fc.oneof(fc.boolean(), anyValue);
    case 'tabId':
      return fc.oneof(fc.integer({ min: -2, max: 1000 }), fc.double(), anyValue);
    case 'names':
      return fc.oneof(
        fc.dictionary(fc.oneof(fc.constantFrom('place:albukamal', '__proto__', 'constructor', 'group:isis'), fc.string()), fc.oneof(fc.nat(), fc.double(), anyValue), { maxKeys: 6 }),
        anyValue,
      );
    default:
      return anyValue;
  }
};

/** A request of a known type, each field right or wrong, sometimes one missing or one extra. */
const nearValid = fc.constantFrom(...TYPES).chain((type) =>
  fc
    .tuple(
      fc.tuple(...FIELDS[type].map((f) => fc.option(fieldValue(f), { freq: 6, nil: undefined }))),
      fc.option(fc.tuple(fc.constantFrom('__proto__', 'extra', 'constructor', 'type'), anyValue), { freq: 5 }),
    )
    .map(([values, extra]) => {
      const msg: Record<string, unknown> = { type };
      FIELDS[type].forEach((f, i) => {
        if (values[i] !== undefined) msg[f] = values[i];
      });
      if (extra) Object.defineProperty(msg, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      return msg;
    }),
);

/** Types that are names on Object.prototype: no request, whatever the table object inherits. */
const inheritedType = fc.constantFrom('constructor', 'toString', '__proto__', 'hasOwnProperty').map((type) => ({ type }));

const message = fc.oneof({ weight: 1, arbitrary: anyValue }, { weight: 3, arbitrary: nearValid }, { weight: 1, arbitrary: inheritedType });

describe('parseRequest on anything', () => {
  test('never throws; refuses with a clean error, or accepts exactly its type’s fields, allowed for the sender', () => {
    fc.assert(
      fc.property(message, sender, (msg, from) => {
        const parsed = parseRequest(msg, from, ID, ORIGIN);
        if (!parsed.ok) {
          if (typeof parsed.error !== 'string' || parsed.error.length === 0 || parsed.error.length > 200) {
            throw new Error(`unclean error: ${JSON.stringify(parsed.error)}`);
          }
          return;
        }
        const { request } = parsed;
        expect(Object.getPrototypeOf(request)).toBe(Object.prototype);
        for (const key of Object.keys(request)) expect(['type', ...FIELDS[request.type]]).toContain(key);
        if (parsed.from.kind === 'content') {
          expect(FROM_CONTENT.has(request.type)).toBe(true);
          const own = OWN_HOST.get(request.type);
          if (own) expect((request as Record<string, unknown>)[own]).toBe(parsed.from.host);
        } else {
          expect(CONTENT_ONLY.has(request.type)).toBe(false);
        }
        // What was accepted survives the trip through messaging (JSON) and is accepted again.
        const again = parseRequest(JSON.parse(JSON.stringify(request)), from, ID, ORIGIN);
        expect(again).toEqual(parsed);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  test('never lets a message change Object.prototype', () => {
    fc.assert(
      fc.property(fc.constantFrom('{"__proto__":{"p":1}}', '{"constructor":{"prototype":{"p":1}}}').chain((names) =>
        fc.constant(JSON.parse(`{"type":"reportPage","names":${names}}`) as unknown),
      ), sender, (msg, from) => {
        parseRequest(msg, from, ID, ORIGIN);
        expect(({} as Record<string, unknown>)['p']).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });
});
