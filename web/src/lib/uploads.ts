// A queue of uploads: a few at a time, each with progress, cancel and an outcome.
export type UploadStatus = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  id: number;
  name: string;
  loaded: number;
  total: number;
  status: UploadStatus;
  message: string | null;
  /** Where it goes, in words ("All files", "/Photos/2024"), or null when there is nothing to say. */
  destination: string | null;
  /**
   * A resumed upload (tus): how many bytes the server already had when this page took it
   * up again. `loaded` still counts from the file's start; only `loaded - resumedAt` was sent now.
   */
  resumedAt: number | null;
}

/**
 * Reports progress: `loaded` of `total` (a share of the file), and for an upload taken up
 * again, `resumedAt`: the bytes the server already had, which this page did not send.
 */
export type OnProgress = (loaded: number, total: number, resumedAt?: number) => void;

/** Starts one upload; resolves to an error sentence, or null on success. */
export type Starter<T> = (
  file: File,
  target: T,
  onProgress: OnProgress,
) => { promise: Promise<string | null>; cancel: () => void };

/** Bytes sent by this page, and of how many it has to send (a resumed upload sends the rest). */
export function sentNow(item: Pick<UploadItem, 'loaded' | 'total' | 'resumedAt'>): { sent: number; of: number } {
  const from = item.resumedAt ?? 0;
  return { sent: Math.max(0, item.loaded - from), of: Math.max(0, item.total - from) };
}

/**
 * The line under a running or finished upload. A resumed one says where it took up and
 * counts only what this page sent: "Uploading · 2.0 MiB of the last 8.0 MiB · resumed at 12 MiB".
 */
export function progressLine(
  item: Pick<UploadItem, 'loaded' | 'total' | 'resumedAt' | 'status'>,
  format: (bytes: number) => string,
  label: string,
): string {
  if (item.resumedAt === null || item.resumedAt <= 0) {
    return `${label} · ${format(item.status === 'done' ? item.total : item.loaded)} of ${format(item.total)}`;
  }
  const { sent, of } = sentNow(item.status === 'done' ? { ...item, loaded: item.total } : item);
  const resumed = `resumed at ${format(item.resumedAt)} of ${format(item.total)}`;
  return item.status === 'done'
    ? `${label} · ${format(sent)} sent, ${resumed}`
    : `${label} · ${format(sent)} of the last ${format(of)} · ${resumed}`;
}

/**
 * What the progress bar counts: the new bytes only. A resumed upload's bar starts at 0 and
 * fills over the bytes left to send; the bytes the server already had are not counted as sent.
 */
export function progressPercent(item: Pick<UploadItem, 'loaded' | 'total' | 'resumedAt' | 'status'>): number {
  if (item.status === 'done') return 100;
  const { sent, of } = sentNow(item);
  return of > 0 ? Math.min(100, Math.max(0, Math.round((sent / of) * 100))) : 0;
}

interface Entry<T> {
  item: UploadItem;
  file: File;
  target: T;
  cancel: (() => void) | null;
}

/** `T` is where a file goes (a folder id), fixed when it is added. */
export class UploadQueue<T = null> {
  private entries: Entry<T>[] = [];
  private nextId = 1;
  private listeners = new Set<(items: UploadItem[]) => void>();

  constructor(
    private readonly start: Starter<T>,
    private readonly concurrency = 3,
    private readonly onSettled: () => void = () => {},
    private readonly where: (target: T) => string | null = () => null,
    /** Where `beforeunload` is listened for while uploads run (the window; none outside a browser). */
    private readonly page: EventTarget | null = typeof window === 'undefined' ? null : window,
  ) {}

  get items(): UploadItem[] {
    return this.entries.map((entry) => entry.item);
  }

  subscribe(listener: (items: UploadItem[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(files: Iterable<File>, target: T): void {
    for (const file of files) {
      this.entries.push({
        item: {
          id: this.nextId++,
          name: file.name,
          loaded: 0,
          total: file.size,
          status: 'queued',
          message: null,
          destination: this.where(target),
          resumedAt: null,
        },
        file,
        target,
        cancel: null,
      });
    }
    this.pump();
  }

  cancel(id: number): void {
    const entry = this.entries.find((candidate) => candidate.item.id === id);
    if (!entry) return;
    if (entry.item.status === 'queued') {
      this.update(entry, { status: 'cancelled', message: 'Cancelled.' });
    } else if (entry.item.status === 'uploading') {
      entry.cancel?.();
    }
  }

  /** Drops finished uploads from the list. */
  clearFinished(): void {
    this.entries = this.entries.filter(
      (entry) => entry.item.status === 'queued' || entry.item.status === 'uploading',
    );
    this.emit();
  }

  private update(entry: Entry<T>, change: Partial<UploadItem>): void {
    entry.item = { ...entry.item, ...change };
    this.emit();
  }

  private emit(): void {
    const items = this.items;
    this.guardUnload(this.busy);
    for (const listener of this.listeners) listener(items);
  }

  /** Whether leaving the page now would end an upload (the browser then asks first). */
  get busy(): boolean {
    return this.entries.some((entry) => entry.item.status === 'queued' || entry.item.status === 'uploading');
  }

  private guarding = false;

  private readonly onBeforeUnload = (event: Event): void => {
    // Both spellings: preventDefault is the standard, returnValue what older browsers read.
    event.preventDefault();
    (event as BeforeUnloadEvent).returnValue = '';
  };

  /** Leaving the page mid-upload asks first: a beforeunload listener while any upload runs. */
  private guardUnload(running: boolean): void {
    if (running === this.guarding || this.page === null) return;
    this.guarding = running;
    if (running) this.page.addEventListener('beforeunload', this.onBeforeUnload);
    else this.page.removeEventListener('beforeunload', this.onBeforeUnload);
  }

  private pump(): void {
    let running = this.entries.filter((entry) => entry.item.status === 'uploading').length;
    for (const entry of this.entries) {
      if (running >= this.concurrency) break;
      if (entry.item.status !== 'queued') continue;
      running += 1;
      this.run(entry);
    }
    this.emit();
  }

  private run(entry: Entry<T>): void {
    let cancelled = false;
    // Progress counts the whole multipart body; show it as a share of the file's bytes.
    const handle = this.start(entry.file, entry.target, (loaded, total, resumedAt) =>
      this.update(entry, {
        loaded: total > 0 ? Math.round((entry.file.size * loaded) / total) : 0,
        ...(resumedAt !== undefined && { resumedAt }),
      }),
    );
    entry.cancel = () => {
      cancelled = true;
      handle.cancel();
    };
    entry.item = { ...entry.item, status: 'uploading' };
    handle.promise
      .then(
        (problem) =>
          problem === null
            ? this.update(entry, { status: 'done', loaded: entry.item.total, message: null })
            : this.update(entry, { status: 'failed', message: problem }),
        (error: unknown) =>
          this.update(
            entry,
            cancelled
              ? { status: 'cancelled', message: 'Cancelled.' }
              : { status: 'failed', message: error instanceof Error ? error.message : String(error) },
          ),
      )
      .finally(() => {
        entry.cancel = null;
        this.onSettled();
        this.pump();
      });
  }
}
