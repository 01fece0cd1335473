import { describe, expect, it } from 'vitest';
import { type Starter, UploadQueue } from './uploads';

interface Pending {
  name: string;
  target: string;
  progress: (loaded: number, total: number) => void;
  resolve: (problem: string | null) => void;
  reject: (error: Error) => void;
  cancelled: boolean;
}

function harness(concurrency = 2) {
  const pending: Pending[] = [];
  const start: Starter<string> = (file, target, progress) => {
    const entry = { name: file.name, target, progress, cancelled: false } as Pending;
    const promise = new Promise<string | null>((resolve, reject) => {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    pending.push(entry);
    return {
      promise,
      cancel: () => {
        entry.cancelled = true;
        entry.reject(new Error('aborted'));
      },
    };
  };
  let settled = 0;
  const queue = new UploadQueue<string>(start, concurrency, () => (settled += 1));
  return { queue, pending, settled: () => settled };
}

const file = (name: string, size = 10) => new File(['x'.repeat(size)], name);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('UploadQueue', () => {
  it('runs at most `concurrency` uploads and starts the next when one ends', async () => {
    const { queue, pending } = harness(2);
    queue.add([file('a'), file('b'), file('c')], 'folder-1');
    expect(pending.map((p) => p.name)).toEqual(['a', 'b']);
    expect(queue.items.map((i) => i.status)).toEqual(['uploading', 'uploading', 'queued']);
    pending[0].resolve(null);
    await flush();
    expect(pending.map((p) => p.name)).toEqual(['a', 'b', 'c']);
    expect(pending[2].target).toBe('folder-1');
    expect(queue.items[0].status).toBe('done');
  });

  it('keeps the folder each file was added for', () => {
    const { queue, pending } = harness(5);
    queue.add([file('a')], 'one');
    queue.add([file('b')], 'two');
    expect(pending.map((p) => p.target)).toEqual(['one', 'two']);
  });

  it("reports progress as a share of the file's own size", () => {
    const { queue, pending } = harness();
    queue.add([file('a', 100)], 't');
    pending[0].progress(150, 300);
    expect(queue.items[0]).toMatchObject({ loaded: 50, total: 100 });
  });

  it('cancels a running upload and a queued one', async () => {
    const { queue, pending, settled } = harness(1);
    queue.add([file('a'), file('b')], 't');
    const [a, b] = queue.items;
    queue.cancel(b.id);
    queue.cancel(a.id);
    await flush();
    expect(pending[0].cancelled).toBe(true);
    expect(queue.items.map((i) => i.status)).toEqual(['cancelled', 'cancelled']);
    expect(pending).toHaveLength(1);
    expect(settled()).toBe(1);
  });

  it('shows the reason of a refused upload and of a failed one', async () => {
    const { queue, pending } = harness();
    queue.add([file('a'), file('b')], 't');
    pending[0].resolve('There is not enough space left.');
    pending[1].reject(new Error('The upload failed: the connection was lost.'));
    await flush();
    expect(queue.items.map((i) => [i.status, i.message])).toEqual([
      ['failed', 'There is not enough space left.'],
      ['failed', 'The upload failed: the connection was lost.'],
    ]);
  });

  it('clears finished uploads only', async () => {
    const { queue, pending } = harness(1);
    queue.add([file('a'), file('b')], 't');
    pending[0].resolve(null);
    await flush();
    queue.clearFinished();
    expect(queue.items.map((i) => i.name)).toEqual(['b']);
  });

  it('tells subscribers about every change', () => {
    const { queue, pending } = harness();
    const seen: string[] = [];
    const stop = queue.subscribe((items) => seen.push(items.map((i) => i.status).join()));
    queue.add([file('a')], 't');
    pending[0].progress(1, 2);
    stop();
    pending[0].progress(2, 2);
    expect(seen).toEqual(['uploading', 'uploading']);
  });
});
