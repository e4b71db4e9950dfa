/** A problem in a corpus file, located so that whoever edits the file can go straight to it. */
export interface Problem {
  file: string;
  /** 1-based; 0 when the problem concerns the file as a whole. */
  line: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.line > 0 ? `${p.file}:${p.line}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Every problem found, thrown at once so that one run lists them all. */
export class CorpusError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'CorpusError';
  }
}

/** Collects problems while a pass goes on; `throwIfAny` ends the pass. */
export class ProblemList {
  readonly items: Problem[] = [];

  add(file: string, line: number, message: string): void {
    this.items.push({ file, line, message });
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new CorpusError(this.items);
  }
}

/** 1-based line of a UTF-16 offset in a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
