/**
 * The build's strip of the rule tables' notes (scripts/strip-rule-notes-plugin.ts): only text
 * values of the note keys become "", nothing else of the code moves.
 */
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { noteRanges } from '../../scripts/strip-rule-notes-plugin.ts';

const strip = (code: string) => {
  let out = code;
  for (const [start, end] of noteRanges(parseAst(code) as never).sort((a, b) => b[0] - a[0])) out = `${out.slice(0, start)}""${out.slice(end)}`;
  return out;
};

describe('the rule tables lose their notes in a build, and nothing else', () => {
  it.each<[string, string, string]>([
    ['a description and an example', `const R = [{ description: 'a river', example: "نهر ديالى → (none)", words: S }];`, `const R = [{ description: "", example: "", words: S }];`],
    ['text joined with +, and a template without expressions', 'x = { example: "a" + \'b\' + `c` };', 'x = { example: "" };'],
    ["a club table row's provenance", `T = [{ name: 'ديالى', club: 'Diyala SC', source: 'Shafaq' }];`, `T = [{ name: 'ديالى', club: "", source: "" }];`],
    ['a value that is not only text is kept', 'x = { example: f(a), description: `k${n}` };', 'x = { example: f(a), description: `k${n}` };'],
    ['a computed key is kept', 'x = { ["example"]: "a" };', 'x = { ["example"]: "a" };'],
    ['reads of the same names are kept', 'y = rule.description + re.source;', 'y = rule.description + re.source;'],
  ])('%s', (_what, code, expected) => {
    expect(strip(code)).toBe(expected);
  });
});
