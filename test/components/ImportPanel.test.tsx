// @vitest-environment happy-dom
/**
 * The library page's import section (entrypoints/library/ImportPanel.tsx) in each state of a run:
 * what the reader reads and can do — the progress, each file's result with its bad line, a full
 * disk in words, the interrupted run's report with the files to pick again — in Arabic and English.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '../../entrypoints/library/ImportPanel.tsx';
import type { ImportRunState, RunProgress } from '../../lib/import-run.ts';

afterEach(cleanup);

const run = (over: Partial<RunProgress> = {}): RunProgress => ({
  importId: 'i', files: ['a.txt', 'b.jsonl', 'c.zip'], done: 0, added: 0, duplicates: 0, reports: [], startedAt: 1, updatedAt: 1, ...over,
});

function show(state: ImportRunState, lang: 'ar' | 'en' = 'ar') {
  const onImport = vi.fn();
  const onDismiss = vi.fn();
  render(<ImportPanel state={state} lang={lang} error="" onImport={onImport} onDismiss={onDismiss} />);
  return { onImport, onDismiss };
}

describe('ImportPanel', () => {
  it('while reading: the progress bar and line, and the picker disabled', () => {
    show({ phase: 'reading', run: run({ done: 1, added: 4, updatedAt: 12_400 }), file: 1, articles: 120 }, 'en');
    const bar = screen.getByRole('progressbar', { name: 'Import progress' }) as HTMLProgressElement;
    expect([bar.max, bar.value]).toEqual([3, 1]);
    expect(screen.getByTestId('import-progress').textContent).toBe('Files: 1 of 3 · articles added: 4 · time: 12 s — Reading “b.jsonl” (articles read: 120)');
    expect((screen.getByTestId('import-files') as HTMLInputElement).disabled).toBe(true);
  });

  it('when done: a result per file, the bad line named, and the counts', () => {
    const { onDismiss } = show({
      phase: 'done',
      run: run({
        done: 3, added: 5, duplicates: 1,
        reports: [
          { file: 'a.txt', added: 1, duplicates: 0, problems: [] },
          { file: 'b.jsonl', added: 3, duplicates: 1, problems: [{ file: 'b.jsonl', line: 7, code: 'badJson', params: { detail: 'Unexpected token' } }] },
          { file: 'c.zip', added: 1, duplicates: 0, problems: [{ file: 'c.zip/x.txt', code: 'binary', params: {} }] },
        ],
      }),
    });
    expect(screen.getByText('انتهى الاستيراد. المقالات المضافة: 5 · المكررة المتخطّاة: 1')).toBeTruthy();
    const items = screen.getByTestId('file-results').querySelectorAll(':scope > li');
    expect([...items].map((li) => li.textContent)).toEqual([
      'a.txt أُضيف: 1 · مكرر: 0',
      'b.jsonl أُضيف: 3 · مكرر: 1السطر 7: ليس JSON صالحًا (Unexpected token)',
      'c.zip أُضيف: 1 · مكرر: 0c.zip/x.txt: ملف ثنائي وليس نصًا',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'إخفاء' }));
    expect(onDismiss).toHaveBeenCalled();
  });

  it('a full disk is told in words, with what to do', () => {
    show({
      phase: 'failed', reason: 'quota', message: 'QuotaExceededError',
      run: run({ done: 1, added: 2, reports: [{ file: 'a.txt', added: 2, duplicates: 0, problems: [] }, { file: 'b.jsonl', added: 0, duplicates: 0, problems: [], failed: 'quota' }] }),
    }, 'en');
    expect(screen.getByRole('alert').textContent).toBe(
      'Storage is full: the import stopped after 1 of 3 files. What was stored is intact; free some disk space, then pick the remaining files again.',
    );
  });

  it('an interrupted run: how far it got and the files to pick again', () => {
    const { onDismiss } = show({
      phase: 'interrupted',
      journal: { key: 'importRun', importId: 'x', files: ['1.txt', '2.txt', 'big.zip', '4.md'], done: 2, added: 9, startedAt: 1, updatedAt: 2 },
    });
    const report = screen.getByTestId('import-interrupted');
    expect(report.querySelector('p')!.textContent).toBe('توقف استيراد 4 ملفات بعد 2؛ لم يُستورد 2 منها: اخترها من جديد (ما حُفظ منها يُتخطّى ولا يتكرر).');
    expect([...report.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['big.zip', '4.md']);
    fireEvent.click(screen.getByRole('button', { name: 'إخفاء' }));
    expect(onDismiss).toHaveBeenCalled();
  });

  it('the drop zone takes dropped files, and Enter opens the picker', () => {
    const { onImport } = show({ phase: 'idle' });
    const zone = screen.getByRole('button', { name: 'أو أفلت الملفات هنا، أو اضغط Enter لاختيارها' });
    const file = new File(['نص'], 'a.txt', { type: 'text/plain' });
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    expect(onImport).toHaveBeenCalledTimes(1);
    expect(onImport.mock.calls[0]![0].map((f: { name: string }) => f.name)).toEqual(['a.txt']);
    const input = screen.getByTestId('import-files') as HTMLInputElement;
    const click = vi.spyOn(input, 'click');
    fireEvent.keyDown(zone, { key: 'Enter' });
    expect(click).toHaveBeenCalled();
  });

  it('while storing: the articles written so far; a stop button that waits once pressed; then the files not imported', () => {
    const onCancel = vi.fn();
    const state: ImportRunState = { phase: 'storing', run: run({ done: 1, added: 4, updatedAt: 3_000 }), file: 1, articles: 1000, stored: 300 };
    const { rerender } = render(<ImportPanel state={state} lang="en" error="" onImport={vi.fn()} onCancel={onCancel} onDismiss={vi.fn()} />);
    expect(screen.getByTestId('import-progress').textContent).toContain('Storing “b.jsonl” (300 of 1000 articles)');
    fireEvent.click(screen.getByRole('button', { name: 'Stop the import' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    const waiting = screen.getByTestId('import-cancel') as HTMLButtonElement;
    expect([waiting.disabled, waiting.textContent]).toEqual([true, 'Stopping after this file…']);
    rerender(<ImportPanel state={{ phase: 'cancelled', run: run({ done: 2, added: 1004 }) }} lang="en" error="" onImport={vi.fn()} onCancel={onCancel} onDismiss={vi.fn()} />);
    expect(screen.queryByTestId('import-cancel')).toBeNull();
    const report = screen.getByTestId('import-cancelled');
    expect(report.textContent).toContain('stopped after 2 of 3 files (articles added: 1004)');
    expect([...report.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['c.zip']);
  });
});
