// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { detect } from '../../core/match/detect.ts';
import { collectBlocks, spanToRange, toLiveRange, type TextBlock } from '../../page/collect-text.ts';
import { realGazetteer } from '../corpus/helpers.ts';
import { testMatcher } from './helpers.ts';

function texts(root: Node = document.body, excluded?: Element): string[] {
  return collectBlocks(root as Element, { isExcluded: (el) => el === excluded }).map((b) => b.text.trim()).filter(Boolean);
}

/** The name ranges detect finds in the body, as the text each DOM range covers. */
function foundRanges(): { text: string; entityId: string; nodes: number }[] {
  const matcher = testMatcher();
  const out: { text: string; entityId: string; nodes: number }[] = [];
  for (const block of collectBlocks(document.body)) {
    for (const m of detect(matcher, block.text)) {
      const spec = spanToRange(block, m.start, m.end)!;
      const range = toLiveRange(spec);
      out.push({
        text: range.toString(),
        entityId: m.entityId,
        nodes: block.nodes.indexOf(spec.endContainer) - block.nodes.indexOf(spec.startContainer) + 1,
      });
    }
  }
  return out;
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('collectBlocks', () => {
  it('makes one block per paragraph and joins inline elements within it', () => {
    document.body.innerHTML = `
      <h1>عنوان الخبر</h1>
      <p>تقدم <b>الجيش</b> نحو <a href="#">مدينة</a> البوكمال.</p>
      <ul><li>أولاً</li><li>ثانياً</li></ul>`;
    expect(texts()).toEqual(['عنوان الخبر', 'تقدم الجيش نحو مدينة البوكمال.', 'أولاً', 'ثانياً']);
  });

  it('skips form fields, editable regions, scripts, styles, templates and SVG', () => {
    document.body.innerHTML = `
      <p>نص ظاهر</p>
      <textarea>نص في حقل</textarea>
      <input value="قيمة">
      <select><option>خيار</option></select>
      <div contenteditable="true"><p>نص قابل للتحرير</p></div>
      <div contenteditable="plaintext-only">نص آخر قابل للتحرير</div>
      <script>var x = "نص برمجي";</script>
      <style>.a::after { content: "نص نمط"; }</style>
      <noscript>نص بديل</noscript>
      <template><p>نص قالب</p></template>
      <svg><text>نص رسم</text></svg>`;
    expect(texts()).toEqual(['نص ظاهر']);
  });

  it('skips hidden elements: hidden attribute, display:none (inline and from a stylesheet), visibility:hidden', () => {
    document.head.innerHTML = '<style>.gone { display: none; }</style>';
    document.body.innerHTML = `
      <p>مرئي</p>
      <p hidden>مخفي بالسمة</p>
      <p style="display:none">مخفي بالنمط</p>
      <div class="gone"><p>مخفي بالصنف</p></div>
      <p style="visibility:hidden">غير مرئي <span style="visibility:visible">لكن هذا مرئي</span></p>`;
    expect(texts()).toEqual(['مرئي', 'لكن هذا مرئي']);
  });

  it('skips the extension host element', () => {
    document.body.innerHTML = '<p>نص الصفحة</p><khabar-lens-card><p>نص البطاقة</p></khabar-lens-card>';
    const host = document.querySelector('khabar-lens-card')!;
    expect(texts(document.body, host)).toEqual(['نص الصفحة']);
  });

  it('starts a new block at inline-block elements; a <br> is a line break inside the block', () => {
    document.body.innerHTML = `<p>بغداد<br>دمشق</p><p>قبل<span style="display:inline-block">وسط</span>بعد</p>`;
    expect(texts()).toEqual(['بغداد\nدمشق', 'قبل', 'وسط', 'بعد']);
  });

  it('a name broken by a <br> or a newline in the source is found whole, its range over both nodes', () => {
    const { matcher } = realGazetteer();
    for (const html of ['<h2>تقدم قوات<br>سوريا الديمقراطية</h2>', '<h2>تقدم قوات\nسوريا الديمقراطية</h2>']) {
      document.body.innerHTML = html;
      const [block] = collectBlocks(document.body);
      const mentions = detect(matcher, block!.text);
      expect(mentions.map((m) => m.entityId), html).toEqual(['group:sdf']);
      const spec = spanToRange(block!, mentions[0]!.start, mentions[0]!.end)!;
      const range = document.createRange();
      range.setStart(spec.startContainer, spec.startOffset);
      range.setEnd(spec.endContainer, spec.endOffset);
      expect(range.toString().replace(/\s+/g, '')).toBe('قواتسورياالديمقراطية');
    }
  });

  it('walks into open shadow roots but not closed ones', () => {
    document.body.innerHTML = '<p>خارج</p><div id="open"></div><div id="closed"></div>';
    const open = document.getElementById('open')!.attachShadow({ mode: 'open' });
    open.innerHTML = '<p>داخل الظل المفتوح</p>';
    const closed = document.getElementById('closed')!.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<p>داخل الظل المغلق</p>';
    const seen: ShadowRoot[] = [];
    const blocks = collectBlocks(document.body, { onShadowRoot: (r) => seen.push(r) });
    expect(blocks.map((b) => b.text.trim()).filter(Boolean)).toEqual(['خارج', 'داخل الظل المفتوح']);
    expect(seen).toEqual([open]);
  });

  it('yields nothing for a root inside a hidden or editable ancestor', () => {
    document.body.innerHTML = '<div hidden><p id="a">بغداد</p></div><div contenteditable><p id="b">دمشق</p></div>';
    expect(texts(document.getElementById('a')!)).toEqual([]);
    expect(texts(document.getElementById('b')!)).toEqual([]);
  });
});

describe('spanToRange', () => {
  it('maps a name split across <b> into a range over both text nodes', () => {
    document.body.innerHTML = '<p>قصفت الطائرات <b>البو</b>كمال أمس</p>';
    expect(foundRanges()).toEqual([{ text: 'البوكمال', entityId: 'place:albukamal', nodes: 2 }]);
  });

  it('maps a name that is partly an inline link, and one spanning three nodes', () => {
    document.body.innerHTML =
      '<p>وصل <a href="/x">الجيش العربي</a> السوري إلى <i>دير</i> <span>الزور</span>.</p>';
    expect(foundRanges()).toEqual([
      { text: 'الجيش العربي السوري', entityId: 'group:syrian-army', nodes: 2 },
      { text: 'دير الزور', entityId: 'place:deir-ez-zor', nodes: 3 },
    ]);
  });

  it('keeps a name whole inside one node with proclitics outside the range', () => {
    document.body.innerHTML = '<p>ضربات وبالبوكمال وفي داعش</p>';
    expect(foundRanges().map((r) => r.text)).toEqual(['البوكمال', 'داعش']);
  });

  it('puts a start at a node boundary into the next node and an end at a boundary into the previous one', () => {
    document.body.innerHTML = '<p><span>من </span><b>بغداد</b><span> إلى</span></p>';
    const [block] = collectBlocks(document.body) as [TextBlock];
    const start = block.text.indexOf('بغداد');
    const spec = spanToRange(block, start, start + 'بغداد'.length)!;
    const b = document.querySelector('b')!.firstChild;
    expect(spec.startContainer).toBe(b);
    expect(spec.startOffset).toBe(0);
    expect(spec.endContainer).toBe(b);
    expect(spec.endOffset).toBe(5);
  });

  it('refuses spans outside the block or stale after the text changed', () => {
    document.body.innerHTML = '<p>بغداد</p>';
    const [block] = collectBlocks(document.body) as [TextBlock];
    expect(spanToRange(block, 3, 3)).toBeNull();
    expect(spanToRange(block, 0, 99)).toBeNull();
    (block.nodes[0] as Text).data = 'ب';
    expect(spanToRange(block, 0, 5)).toBeNull();
  });
});
