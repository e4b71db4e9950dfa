/**
 * The names of a zip's entries as the reader wrote them. A zip stores a name as bytes; only when
 * the entry's general purpose flag bit 11 is set are they UTF-8. Windows' own "compressed folder"
 * and older tools write the DOS (OEM) code page of the machine instead — CP720 on Arabic Windows —
 * and fflate hands such a name over as Latin-1, so «تقرير.txt» arrived as "ƒ┘é╪▒┘è╪▒.txt".
 *
 * Rules, in order (each with the archive that needs it):
 *  - flag bit 11 set                                      → UTF-8 (Windows 10+, 7-Zip with non-ASCII names, Python)
 *  - an Info-ZIP Unicode Path extra field (0x7075), version 1, whose CRC-32 matches the stored
 *    name                                                  → that UTF-8 name (Info-ZIP zip 3, WinRAR, 7-Zip)
 *  - the bytes are valid UTF-8                           → UTF-8 (macOS Archive Utility, Linux `zip` without the flag)
 *  - every byte above 0x7F decodes in CP720 to a letter of the Arabic names (no box drawing, no
 *    hole in the table), one at least is an Arabic letter, and no Arabic letter touches a Latin
 *    one                                                   → CP720 (Arabic Windows' "Send to compressed folder")
 *  - otherwise                                           → CP437 (US/Western Windows: "España.txt" has ñ = 0xA4, CP720's ث)
 *
 * The flag and the extra field are read from the archive's own headers (central directory and the
 * local header it points to), since fflate's streaming Unzip gives neither. Pure.
 */

/**
 * CP720 ("Arabic (Transparent ASMO)", the OEM code page of Arabic Windows), bytes 0x80–0xFF.
 * Provenance: Python's Lib/encodings/cp720.py, "generated on Windows: Vista 6.0.6002 SP2 with the
 * command: python Tools/unicode/genwincodec.py 720" (Windows' own table); the bytes Windows leaves
 * unassigned (0x80, 0x81, 0x84, 0x86, 0x8D–0x90) are U+FFFD here.
 */
export const CP720_HIGH =
  '\uFFFD\uFFFDéâ\uFFFDà\uFFFDçêëèïî\uFFFD\uFFFD\uFFFD' + // 80–8F
  '\uFFFD\u0651\u0652ô¤ـûùءآأؤ£إئا' + // 90–9F
  'بةتثجحخدذرزسشص«»' + // A0–AF
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' + // B0–BF
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' + // C0–CF
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' + // D0–DF
  'ضطظعغفµقكلمنهوىي' + // E0–EF
  '≡\u064B\u064C\u064D\u064E\u064F\u0650≈°∙·√ⁿ²■\u00A0'; // F0–FF

/**
 * CP437 (the original IBM PC code page; Windows' OEM code page in the US and the zip format's
 * historical default), bytes 0x80–0xFF. Provenance: unicode.org MAPPINGS/VENDORS/MICSFT/PC/CP437.TXT
 * (as Python's Lib/encodings/cp437.py, generated from it).
 */
export const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅ' + // 80–8F
  'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ' + // 90–9F
  'áíóúñÑªº¿⌐¬½¼¡«»' + // A0–AF
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' + // B0–BF
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' + // C0–CF
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' + // D0–DF
  'αßΓπΣσµτΦΘΩδ∞φε∩' + // E0–EF
  '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0'; // F0–FF

/** Zip's general purpose flag bit 11 ("language encoding flag"): the name and comment are UTF-8. */
const UTF8_FLAG = 0x0800;
/** Info-ZIP Unicode Path extra field. */
const UNICODE_PATH_FIELD = 0x7075;

const ARABIC_LETTER = /[\u0621-\u064A]/;
/** What an Arabic file name's high bytes decode to in CP720: letters, harakat, tatweel, guillemets. */
const ARABIC_NAME_CHAR = /[\u0621-\u0652\u0640«»]/;
const LATIN_LETTER = /[A-Za-z]/;

function singleByte(bytes: Uint8Array, high: string): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : high[b - 0x80]!;
  return out;
}

export const decodeCp720 = (bytes: Uint8Array): string => singleByte(bytes, CP720_HIGH);
export const decodeCp437 = (bytes: Uint8Array): string => singleByte(bytes, CP437_HIGH);

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** CP720's reading, when it reads as an Arabic name (the rule above); else undefined. */
function arabicDosName(bytes: Uint8Array): string | undefined {
  const text = decodeCp720(bytes);
  let arabic = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const ch = text[i]!;
    if (!ARABIC_NAME_CHAR.test(ch)) return undefined;
    if (!ARABIC_LETTER.test(ch)) continue;
    arabic = true;
    if (LATIN_LETTER.test(text[i - 1] ?? '') || LATIN_LETTER.test(text[i + 1] ?? '')) return undefined;
  }
  return arabic ? text : undefined;
}

/** CRC-32 (IEEE, as zip uses it), for the Unicode Path field's check of the name it replaces. */
let crcTable: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The Unicode Path field's name, when the field is there, of version 1, and made for these name bytes. */
function unicodePath(extra: Uint8Array, name: Uint8Array): string | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    const body = extra.subarray(at + 4, at + 4 + size);
    if (id === UNICODE_PATH_FIELD && body.length >= 5 && body[0] === 1) {
      // A name changed by a tool that did not update the field: the stored name wins (Info-ZIP's rule).
      if (new DataView(body.buffer, body.byteOffset).getUint32(1, true) !== crc32(name)) return undefined;
      return utf8(body.subarray(5));
    }
    at += 4 + size;
  }
  return undefined;
}

/** A header's name bytes, flags and extra fields → the name (the rules in the module comment). */
export function entryName(header: { flags: number; name: Uint8Array; extra?: readonly Uint8Array[] }): string {
  const { flags, name } = header;
  if (flags & UTF8_FLAG) return new TextDecoder().decode(name);
  for (const extra of header.extra ?? []) {
    const unicode = unicodePath(extra, name);
    if (unicode !== undefined) return unicode;
  }
  return legacyName(name);
}

/**
 * A name without the flag: UTF-8 when the bytes are UTF-8 and every letter is Arabic or Latin;
 * CP720 names can be valid UTF-8 by chance — «عبد» (E3 A0 A7) is «㠧» — so a UTF-8 reading with a
 * letter of another script gives way to an Arabic DOS reading when there is one.
 */
function legacyName(name: Uint8Array): string {
  const asUtf8 = utf8(name);
  if (asUtf8 !== undefined && !/(?![\p{Script=Arabic}\p{Script=Latin}])\p{L}/u.test(asUtf8)) return asUtf8;
  return arabicDosName(name) ?? asUtf8 ?? decodeCp437(name);
}

/** The name as fflate's Unzip gives it (UTF-8 under the flag, else Latin-1): the key that finds an entry's header. */
export function fflateName(flags: number, name: Uint8Array): string {
  if (flags & UTF8_FLAG) return new TextDecoder().decode(name);
  let out = '';
  for (const b of name) out += String.fromCharCode(b);
  return out;
}

/**
 * For each name fflate gives (the key), the names as written, in the archive's order (one key may
 * come twice). Read from the central directory and each entry's local header; an archive without a
 * readable central directory (cut off, zip64) gives an empty map, and `fallbackName` reads fflate's.
 */
export function zipEntryNames(bytes: Uint8Array): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end of central directory record: 22 bytes and a comment of up to 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return names;
  const count = u16(end + 10);
  let at = u32(end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) break;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const local = u32(at + 42);
    const centralExtra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    at += 46 + nameLength + extraLength + commentLength;
    // fflate reads the local header: its flags and name make the key, its extra field may hold the Unicode path too.
    if (local + 30 > bytes.length || u32(local) !== 0x04034b50) continue;
    const flags = u16(local + 6);
    const localNameLength = u16(local + 26);
    const name = bytes.subarray(local + 30, local + 30 + localNameLength);
    const localExtra = bytes.subarray(local + 30 + localNameLength, local + 30 + localNameLength + u16(local + 28));
    const key = fflateName(flags, name);
    const list = names.get(key) ?? [];
    list.push(entryName({ flags, name, extra: [centralExtra, localExtra] }));
    names.set(key, list);
  }
  return names;
}

/** fflate's name alone (no central directory): its Latin-1 characters are the stored bytes again. */
export function fallbackName(name: string): string {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0xff) return name; // UTF-8 under the flag
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  return legacyName(bytes);
}
