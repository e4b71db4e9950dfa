/**
 * File bytes to text, or a problem (core/library/problem.ts). Pure: TextDecoder is an encoding API, not the DOM.
 */
import { problem, type Problem } from './problem.ts';

export type Decoded = { text: string; encoding: string } | { problem: Problem; line?: number };

/** How far into a file a NUL byte marks it as binary (text files have none; images and PDFs do early). */
const BINARY_SNIFF_BYTES = 8192;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Rules, in order:
 *  - EF BB BF (UTF-8 byte order mark, Windows Notepad)   → UTF-8, the mark dropped
 *  - FF FE / FE FF (UTF-16 marks, Notepad's "Unicode")   → UTF-16 LE / BE
 *  - a NUL byte in the first 8 KiB                        → a binary file: problem
 *  - valid UTF-8                                          → UTF-8
 *  - a `fallback` label (an HTML page's <meta charset>)   → that encoding (old Arabic sites: windows-1256)
 *  - otherwise                                            → problem naming the first bad line
 */
export function decodeText(bytes: Uint8Array, fallback?: string): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { problem: problem('binary') };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: below.
  }
  if (fallback) {
    try {
      return { text: new TextDecoder(fallback).decode(bytes), encoding: fallback.toLowerCase() };
    } catch {
      // An unknown label: reported as not UTF-8.
    }
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  return {
    problem: problem('notUtf8'),
    line: lineAt(lenient, lenient.indexOf('\uFFFD')),
  };
}

/** The charset an HTML file declares in its first KiB (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 1024); i++) head += String.fromCharCode(bytes[i]!);
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
}
