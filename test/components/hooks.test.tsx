// @vitest-environment happy-dom
// Dexie's liveQuery runs a query only where IndexedDB exists, even one that reads no table.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useLiveQuery } from '../../components/hooks.ts';

afterEach(cleanup);

function asked<T>(calls: Map<string, T>, id: string): Promise<T> {
  return waitFor(() => {
    const call = calls.get(id);
    if (!call) throw new Error(`${id} not asked yet`);
    return call;
  });
}

/** Answers that arrive when the test says so. */
function answers() {
  const pending = new Map<string, (value: string) => void>();
  const failing = new Map<string, (error: Error) => void>();
  return {
    ask: (id: string) =>
      new Promise<string>((resolve, reject) => {
        pending.set(id, resolve);
        failing.set(id, reject);
      }),
    /** Once the query for `id` has been asked, answers it. */
    answer: async (id: string) => (await asked(pending, id))(`answer for ${id}`),
    fail: async (id: string) => (await asked(failing, id))(new Error(`no ${id}`)),
  };
}

function Probe(props: { id: string; ask: (id: string) => Promise<string> }) {
  const live = useLiveQuery(() => props.ask(props.id), [props.id]);
  return (
    <p data-testid="probe">
      {live.value ?? 'nothing'}|{live.error ? String((live.error as Error).message) : 'ok'}
    </p>
  );
}

const shown = () => screen.getByTestId('probe').textContent;

describe('useLiveQuery', () => {
  it('forgets the previous answer as soon as the deps change, before the new one arrives', async () => {
    const a = answers();
    const { rerender } = render(<Probe id="a" ask={a.ask} />);
    expect(shown()).toBe('nothing|ok');
    await a.answer('a');
    await waitFor(() => expect(shown()).toBe('answer for a|ok'));

    rerender(<Probe id="b" ask={a.ask} />);
    // Regression: this used to show "answer for a" until b's query answered.
    expect(shown()).toBe('nothing|ok');
    await a.answer('b');
    await waitFor(() => expect(shown()).toBe('answer for b|ok'));
  });

  it('forgets the previous error too, and keeps a value only for its own deps', async () => {
    const a = answers();
    const { rerender } = render(<Probe id="a" ask={a.ask} />);
    await a.fail('a');
    await waitFor(() => expect(shown()).toBe('nothing|no a'));
    rerender(<Probe id="b" ask={a.ask} />);
    expect(shown()).toBe('nothing|ok');
    await a.answer('b');
    await waitFor(() => expect(shown()).toBe('answer for b|ok'));
  });
});
