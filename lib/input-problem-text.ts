/**
 * A file's problem in the reader's language. The parsers (core/library/problem.ts, backup.ts) give
 * a code and its parameters; the words are the locale files' `problem_<code>` and
 * `backupProblem_<code>` messages, their `{slots}` the parameters, so the Arabic library page
 * says «السطر 3: ليس JSON صالحًا» where the parser knows only `badJson` on line 3.
 */
import type { BackupProblem, BackupProblemCode } from '../core/library/backup.ts';
import type { InputProblem, Problem, ProblemCode } from '../core/library/problem.ts';
import { t, type UiKey, type UiLang } from './i18n.ts';

export type ProblemKey = `problem_${ProblemCode}`;
export type BackupProblemKey = `backupProblem_${BackupProblemCode}`;
// Every code has its message: a new code without one fails the typecheck (the test checks the slots).
const KEYS_EXIST: [ProblemKey, BackupProblemKey] extends [UiKey, UiKey] ? true : never = true;
void KEYS_EXIST;

/** Most backup problems listed; the rest are counted ("… and 12 more"). */
export const BACKUP_PROBLEMS_SHOWN = 10;

/** What is wrong, without where: "is not UTF-8 text …". */
export function problemText(p: Problem, lang: UiLang): string {
  return t(`problem_${p.code}` satisfies ProblemKey, lang, p.params);
}

/** What is wrong and on which line, the file left to the caller: "line 3: bad JSON (…)". */
export function problemOnLine(p: InputProblem, lang: UiLang): string {
  const what = problemText(p, lang);
  return p.line !== undefined ? t('libraryLineProblem', lang, { line: p.line, problem: what }) : what;
}

/** File, line and what: "«old.txt», line 3: …" (a problem shown without its file's heading). */
export function inputProblemText(p: InputProblem, lang: UiLang): string {
  return t('problemInFile', lang, { file: p.file, problem: problemOnLine(p, lang) });
}

export function backupProblemText(p: BackupProblem, lang: UiLang): string {
  const what = t(`backupProblem_${p.code}` satisfies BackupProblemKey, lang, p.params);
  return p.path === '' ? what : t('backupProblemAt', lang, { path: p.path, problem: what });
}

/** A refused backup's problems, one a line, the first BACKUP_PROBLEMS_SHOWN of them. */
export function backupProblemsText(problems: readonly BackupProblem[], lang: UiLang): string {
  const lines = problems.slice(0, BACKUP_PROBLEMS_SHOWN).map((p) => backupProblemText(p, lang));
  if (problems.length > BACKUP_PROBLEMS_SHOWN) lines.push(t('backupMoreProblems', lang, { n: problems.length - BACKUP_PROBLEMS_SHOWN }));
  return lines.join('\n');
}
