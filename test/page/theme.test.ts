// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { luminance, pageTheme, parseRgb } from '../../page/theme.ts';

describe('pageTheme', () => {
  it('reads computed colours in their usual spellings', () => {
    expect(parseRgb('rgb(17, 17, 17)')).toEqual({ r: 17, g: 17, b: 17, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseRgb('rgb(255 255 255 / 50%)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 });
    expect(parseRgb('transparent')).toBeNull();
    expect(luminance(255, 255, 255)).toBeCloseTo(1);
    expect(luminance(0, 0, 0)).toBe(0);
  });

  it('follows the first opaque background from the name up: a dark article on a light site is dark', () => {
    document.body.innerHTML = `
      <div style="background-color: rgb(250, 250, 250)">
        <section style="background-color: rgb(18, 18, 20)"><p><span id="dark">اسم</span></p></section>
        <section style="background-color: rgba(0, 0, 0, 0)"><p id="light">اسم</p></section>
      </div>`;
    expect(pageTheme(document.getElementById('dark'))).toBe('dark');
    expect(pageTheme(document.getElementById('light'))).toBe('light');
  });

  it('is light on a page without any background (the default canvas)', () => {
    document.body.innerHTML = '<p id="p">اسم</p>';
    expect(pageTheme(document.getElementById('p'))).toBe('light');
  });
});
