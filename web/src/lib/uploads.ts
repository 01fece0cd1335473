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
}

/** Starts one upload; resolves to an error sentence, or null on success. */
export type Starter<T> = (
  file: File,
  target: T,
  onProgress: (loaded: number, total: number) => void,
) => { promise: Promise<string | null>; cancel: () => void };

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
    for (const listener of this.listeners) listener(items);
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
    const handle = this.start(entry.file, entry.target, (loaded, total) =>
      this.update(entry, { loaded: total > 0 ? Math.round((entry.file.size * loaded) / total) : 0 }),
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
