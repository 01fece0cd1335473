import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';
import { progressLine, progressPercent, type OnProgress, type Starter, UploadQueue } from './uploads';

interface Pending {
  name: string;
  target: string;
  progress: OnProgress;
  resolve: (problem: string | null) => void;
  reject: (error: Error) => void;
  cancelled: boolean;
}

function harness(concurrency = 2, page: EventTarget | null = null) {
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
  const queue = new UploadQueue<string>(start, concurrency, () => (settled += 1), () => null, page);
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

  it('keeps where a resumed upload took up, and counts only what it sends now', () => {
    const { queue, pending } = harness();
    queue.add([file('big', 100)], 't');
    expect(queue.items[0].resumedAt).toBeNull();
    pending[0].progress(60, 100, 60); // the server had 60 bytes
    expect(queue.items[0]).toMatchObject({ loaded: 60, resumedAt: 60 });
    expect(progressPercent(queue.items[0])).toBe(0);
    pending[0].progress(80, 100); // later reports leave the mark alone
    expect(queue.items[0]).toMatchObject({ loaded: 80, resumedAt: 60 });
    expect(progressPercent(queue.items[0])).toBe(50);
  });

  it('asks before the page is left while an upload runs or waits, not after', async () => {
    const page = new EventTarget();
    const { queue, pending } = harness(1, page);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      page.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    queue.add([file('a'), file('b')], 't');
    expect(queue.busy).toBe(true);
    expect(leave()).toBe(true);
    pending[0].resolve(null);
    await flush();
    expect(leave()).toBe(true); // b still runs
    pending[1].reject(new Error('gone'));
    await flush();
    expect(queue.busy).toBe(false);
    expect(leave()).toBe(false);
  });
});

describe('progress', () => {
  const MiB = 1024 * 1024;
  it('a fresh upload: bytes of the file', () => {
    const item = { loaded: 5 * MiB, total: 20 * MiB, resumedAt: null, status: 'uploading' as const };
    expect(progressLine(item, formatBytes, 'Uploading')).toBe('Uploading · 5.0 MiB of 20 MiB');
    expect(progressPercent(item)).toBe(25);
    expect(progressLine({ ...item, status: 'done' }, formatBytes, 'Uploaded')).toBe('Uploaded · 20 MiB of 20 MiB');
  });

  it('a resumed upload: the bar and the words count the new bytes, and say where it resumed', () => {
    const item = { loaded: 14 * MiB, total: 20 * MiB, resumedAt: 12 * MiB, status: 'uploading' as const };
    expect(progressLine(item, formatBytes, 'Uploading')).toBe(
      'Uploading · 2.0 MiB of the last 8.0 MiB · resumed at 12 MiB of 20 MiB',
    );
    expect(progressPercent(item)).toBe(25);
    expect(progressPercent({ ...item, loaded: 12 * MiB })).toBe(0);
    expect(progressLine({ ...item, status: 'done' }, formatBytes, 'Uploaded')).toBe(
      'Uploaded · 8.0 MiB sent, resumed at 12 MiB of 20 MiB',
    );
    expect(progressPercent({ ...item, status: 'done' })).toBe(100);
  });
});
