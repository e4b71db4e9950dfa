/**
 * The entries of a .zip, decompressed one at a time and never beyond a byte budget. Pure (fflate).
 *
 * Why fflate's streaming Unzip with a decoder of our own, not unzipSync: unzipSync trusts the
 * sizes the archive declares and inflates a whole entry in one call, so a crafted entry (1 KiB
 * that inflates to 1 GiB, or a header that lies about its size) costs that memory or CPU before
 * anything can check it. Here the compressed bytes go to the inflater a few KiB at a time and
 * the output is counted as it comes: an entry stops the moment it passes its cap.
 */
import { Inflate, Unzip, type FlateError, type UnzipDecoder, type UnzipFile } from 'fflate';
import { errorDetail, problem, type Problem } from './problem.ts';
import { fallbackName, zipEntryNames } from './zip-names.ts';

/** Compressed bytes handed to the inflater at a time: deflate's worst ratio (~1:1032) makes this ≤ 4 MiB of output between two checks. */
const INFLATE_SLICE_BYTES = 4096;

export interface ZipEntry {
  /** As the reader wrote it, whatever the tool's encoding (core/library/zip-names.ts). */
  name: string;
  /** Decompressed bytes, at most `cap`; or why there are none. */
  read(cap: number): { bytes: Uint8Array } | { problem: Problem };
}

export class EntryTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`inflates to more than ${limit} bytes`);
  }
}

/** Caps for the decoder being started (the stream calls it synchronously from `start`). */
interface Cap {
  bytes: number;
}

function boundedInflate(cap: Cap) {
  return class BoundedInflate implements UnzipDecoder {
    static compression = 8;
    ondata: (err: FlateError | null, data: Uint8Array, final: boolean) => void = () => {};
    private readonly inflate = new Inflate();
    private out = 0;
    private stopped = false;
    private readonly limit = cap.bytes;

    constructor() {
      this.inflate.ondata = (chunk, final) => {
        if (this.stopped) return;
        this.out += chunk.length;
        if (this.out > this.limit) return this.stop(new EntryTooLarge(this.limit));
        this.ondata(null, chunk, final);
      };
    }

    push(data: Uint8Array, final: boolean): void {
      try {
        if (data.length === 0 && !this.stopped) this.inflate.push(data, final);
        for (let i = 0; i < data.length && !this.stopped; i += INFLATE_SLICE_BYTES) {
          this.inflate.push(data.subarray(i, i + INFLATE_SLICE_BYTES), final && i + INFLATE_SLICE_BYTES >= data.length);
        }
      } catch (e) {
        this.stop(e as Error);
      }
    }

    terminate(): void {
      this.stopped = true;
    }

    private stop(e: Error): void {
      if (this.stopped) return;
      this.stopped = true;
      this.ondata(e as FlateError, new Uint8Array(0), true);
    }
  };
}

/**
 * The archive's file entries in order (directories left out), or a problem when it cannot be read
 * at all. Entries found before a break in the archive are still given, with `broken` saying why.
 */
export function listZip(bytes: Uint8Array): { entries: ZipEntry[]; broken?: Problem } {
  const cap: Cap = { bytes: 0 };
  const files: UnzipFile[] = [];
  const unzip = new Unzip((file) => files.push(file));
  unzip.register(boundedInflate(cap));
  let broken: Problem | undefined;
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (!isZip) return { entries: [], broken: problem('notZip') };
  try {
    unzip.push(bytes, true);
  } catch (e) {
    broken = problem('damagedZip', { detail: errorDetail(e) });
  }
  const written = zipEntryNames(bytes);
  const entries = files
    .filter((f) => !f.name.endsWith('/'))
    .map((file): ZipEntry => ({
      name: written.get(file.name)?.shift() ?? fallbackName(file.name),
      read(limit) {
        cap.bytes = limit;
        if (file.originalSize !== undefined && file.originalSize > limit) {
          return { problem: problem('tooLarge', { size: file.originalSize, limit }) };
        }
        const chunks: Uint8Array[] = [];
        let failure: Error | null = null;
        let done = false;
        file.ondata = (err, data, final) => {
          if (err) failure = err;
          else chunks.push(data);
          if (final || err) done = true;
        };
        try {
          file.start();
        } catch (e) {
          failure = e as Error;
        }
        if (failure) {
          const f = failure as Error;
          return { problem: f instanceof EntryTooLarge ? problem('inflatesTooLarge', { limit: f.limit }) : problem('entryBroken', { detail: f.message }) };
        }
        if (!done) return { problem: problem('entryCutOff') };
        const size = chunks.reduce((n, c) => n + c.length, 0);
        // Stored (uncompressed) entries pass through without the inflater's count.
        if (size > limit) return { problem: problem('tooLarge', { size, limit }) };
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) out.set(c, (at += c.length) - c.length);
        return { bytes: out };
      },
    }));
  return { entries, ...(broken ? { broken } : {}) };
}
