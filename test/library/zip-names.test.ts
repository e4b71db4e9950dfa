/**
 * Zip entry names from every kind of tool: archives built byte by byte here (stored entries, the
 * headers written out), with the name bytes each tool writes — Python's cp720/cp437 codecs gave
 * the DOS bytes below (`'تقرير البوكمال.txt'.encode('cp720')`).
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ImportOptions } from '../../core/library/files.ts';
import { listZip } from '../../core/library/zip.ts';
import { CP437_HIGH, CP720_HIGH, crc32, decodeCp720, entryName, fallbackName } from '../../core/library/zip-names.ts';

/** «تقرير البوكمال.txt» as Arabic Windows' "Send to compressed folder" writes it (CP720, no flag). */
const CP720_REPORT = [162, 231, 169, 239, 169, 32, 159, 233, 160, 237, 232, 234, 159, 233, 46, 116, 120, 116];
/** «أخبار/الرقة.md»: a folder and a file, CP720. */
const CP720_RAQQA = [154, 166, 160, 159, 169, 47, 159, 233, 169, 231, 161, 46, 109, 100];
/** "España.txt" from Western Windows (CP437: ñ = 0xA4, which CP720 reads as ث). */
const CP437_SPAIN = [69, 115, 112, 97, 164, 97, 46, 116, 120, 116];
const UTF8_FLAG = 0x0800;

interface Entry {
  name: Uint8Array | number[];
  flags?: number;
  /** Extra field for both headers (or the central one only). */
  extra?: Uint8Array;
  centralExtraOnly?: boolean;
  data?: string;
}

/** A real zip: local headers, stored data, the central directory and its end record. */
function zip(entries: Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Uint8Array.from(e.name);
    const data = strToU8(e.data ?? 'وصلت القوات إلى مدينة البوكمال على الحدود مع العراق صباح اليوم.');
    const extra = e.extra ?? new Uint8Array(0);
    const localExtra = e.centralExtraOnly ? new Uint8Array(0) : extra;
    const local = new Uint8Array(30 + name.length + localExtra.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, e.flags ?? 0, true);
    lv.setUint16(8, 0, true); // stored
    lv.setUint32(14, crc32(data), true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, localExtra.length, true);
    local.set(name, 30);
    local.set(localExtra, 30 + name.length);
    const c = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, e.flags ?? 0, true);
    cv.setUint32(16, crc32(data), true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    c.set(extra, 46 + name.length);
    parts.push(local, data);
    central.push(c);
    offset += local.length + data.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, size, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) out.set(p, (at += p.length) - p.length);
  return out;
}

/** An Info-ZIP Unicode Path extra field (0x7075) for `stored` name bytes, naming it `unicode`. */
function unicodePathField(stored: number[], unicode: string, crc = crc32(Uint8Array.from(stored))): Uint8Array {
  const name = strToU8(unicode);
  const field = new Uint8Array(4 + 5 + name.length);
  const v = new DataView(field.buffer);
  v.setUint16(0, 0x7075, true);
  v.setUint16(2, 5 + name.length, true);
  field[4] = 1;
  v.setUint32(5, crc, true);
  field.set(name, 9);
  return field;
}

const names = (bytes: Uint8Array) => listZip(bytes).entries.map((e) => e.name);

describe('the code page tables', () => {
  it('have 128 entries each', () => {
    expect([...CP720_HIGH]).toHaveLength(128);
    expect([...CP437_HIGH]).toHaveLength(128);
  });

  it.each([
    [0x98, 'ء'], [0x9f, 'ا'], [0xa0, 'ب'], [0xad, 'ص'], [0xe0, 'ض'], [0xe3, 'ع'], [0xe7, 'ق'], [0xef, 'ي'], [0x95, 'ـ'], [0xf1, '\u064B'],
  ])('CP720 0x%s is %s (Windows\' table)', (byte, char) => {
    expect(decodeCp720(Uint8Array.of(byte))).toBe(char);
  });
});

describe('entry names, rule by rule', () => {
  it.each<[string, Entry, string]>([
    ['flag bit 11: UTF-8 (Windows 10+, 7-Zip, Python)', { name: [...strToU8('تقرير البوكمال.txt')], flags: UTF8_FLAG }, 'تقرير البوكمال.txt'],
    ['no flag but valid UTF-8 (macOS Archive Utility)', { name: [...strToU8('الرقة.txt')] }, 'الرقة.txt'],
    ['no flag, CP720 bytes (Arabic Windows "compressed folder")', { name: CP720_REPORT }, 'تقرير البوكمال.txt'],
    ['CP720 with a folder', { name: CP720_RAQQA }, 'أخبار/الرقة.md'],
    ['no flag, CP437 bytes of a Latin name (Western Windows)', { name: CP437_SPAIN }, 'España.txt'],
    ['a Latin é is the same byte in CP437 and CP720, not Arabic', { name: [99, 97, 102, 130, 46, 116, 120, 116] }, 'café.txt'],
    ['plain ASCII', { name: [...strToU8('news/a.txt')] }, 'news/a.txt'],
    ['CP720 bytes that are valid UTF-8 by chance (E3 A0 A7 is «㠧»): Arabic, not a CJK letter', { name: [0xe3, 0xa0, 0xa7, ...strToU8('.txt')] }, 'عبد.txt'],
    ['the Unicode Path extra field wins over the stored bytes', { name: CP437_SPAIN, extra: unicodePathField(CP437_SPAIN, 'تقرير.txt') }, 'تقرير.txt'],
    ['… also when only the central directory carries it', { name: CP437_SPAIN, extra: unicodePathField(CP437_SPAIN, 'تقرير.txt'), centralExtraOnly: true }, 'تقرير.txt'],
    ['… but not when its CRC is of another name (renamed since)', { name: CP437_SPAIN, extra: unicodePathField(CP437_SPAIN, 'تقرير.txt', 1234) }, 'España.txt'],
  ])('%s', (_what, entry, expected) => {
    expect(names(zip([entry]))).toEqual([expected]);
    // The rule alone, on the header's fields.
    expect(entryName({ flags: entry.flags ?? 0, name: Uint8Array.from(entry.name), extra: entry.extra ? [entry.extra] : [] })).toBe(expected);
  });

  it('without a central directory (an archive cut off), fflate\'s Latin-1 name is read by the same rules', () => {
    expect(fallbackName(String.fromCharCode(...CP720_REPORT))).toBe('تقرير البوكمال.txt');
    expect(fallbackName(String.fromCharCode(...strToU8('الرقة.txt')))).toBe('الرقة.txt');
    expect(fallbackName('تقرير.txt')).toBe('تقرير.txt'); // already UTF-8 under the flag
  });
});

describe('an archive from Arabic Windows imports under its names', () => {
  it('the documents and their problems name the files as the reader wrote them', () => {
    const archive = zip([
      { name: CP720_REPORT },
      { name: [...CP720_RAQQA.slice(0, -2), 112, 110, 103] }, // «أخبار/الرقة.png»: not a file the library reads
      { name: CP437_SPAIN, data: 'x\u0000y' },
    ]);
    const options: ImportOptions = { now: new Date('2026-12-03T12:00:00'), readHtml: () => ({ problem: { code: 'nothingRead', params: {} } }) };
    const { inputs, problems } = parseImportFile('من ويندوز.zip', archive, options);
    expect(inputs.map((i) => [i.sourceFile, i.title])).toEqual([['من ويندوز.zip/تقرير البوكمال.txt', 'تقرير البوكمال']]);
    expect(problems.map((p) => [p.file, p.code])).toEqual([
      ['من ويندوز.zip/أخبار/الرقة.png', 'unknownType'],
      ['من ويندوز.zip/España.txt', 'binary'],
    ]);
  });
});
