/**
 * How the highlights are drawn (issue 12): underlines that do not break into dashes under Arabic
 * descenders, and a dotted person/outlet style that is visible at body size.
 */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CSS, highlightName } from '../../page/highlighter.ts';

const rule = (key: Parameters<typeof highlightName>[0]) => {
  const m = new RegExp(`::highlight\\(${highlightName(key)}\\) \\{([^}]*)\\}`).exec(HIGHLIGHT_CSS);
  if (!m) throw new Error(`no rule for ${key}`);
  return Object.fromEntries(
    m[1]!.split(';').map((d) => d.split(':').map((x) => x.trim())).filter((d) => d[0]).map(([k, v]) => [k!, v!]),
  );
};

describe('highlight looks', () => {
  it.each(['place', 'group', 'person', 'outlet', 'current'] as const)('%s: the underline does not skip ink', (key) => {
    expect(rule(key)['text-decoration-skip-ink']).toBe('none');
  });

  it.each(['person', 'outlet'] as const)('%s: dotted, 2 px and opaque', (key) => {
    const r = rule(key);
    expect(r['text-decoration-style']).toBe('dotted');
    expect(parseFloat(r['text-decoration-thickness'] ?? '0')).toBeGreaterThanOrEqual(2);
    expect(r['text-decoration-color']).not.toMatch(/\/\s*0?\.\d/);
  });
});
