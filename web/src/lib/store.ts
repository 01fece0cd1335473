// The client-side cache: every entry once, by id, and lists of ids (a folder's children,
// the trash, search results, the mounts shared with you). Listings read it; mutations
// write the entry they return into it and the `changes` subscription writes what another
// device did, so a rename, a move or a delete shows at once in every list that holds the
// entry, without a refetch.
//
// Hand-made rather than urql + graphcache, on purpose:
// - Size: this file is ~3 KB of source (under 1.5 KB gzipped); urql's core, its Preact
//   bindings and graphcache add about 20 KB gzipped, two thirds of today's whole bundle.
// - Clarity: our lists are few and known (4 kinds), and whether an entry belongs to one
//   is one predicate on the entry itself (`parentId`, `trashed`). graphcache needs a
//   schema-aware config with `updates` resolvers for each mutation and the subscription
//   to say the same thing, plus `keys` for our result unions and a relay-pagination
//   helper; the predicates here are the whole of that configuration.
// - Staleness: a navigation reads another key, so a late answer (a first page or a
//   "Load more") lands only in the list it was asked for, never in the folder now shown.
import { useEffect, useState } from 'preact/hooks';
import type { EntryFieldsFragment } from '../gql/graphql';
import { describeFailure } from './errors';

export type Entry = EntryFieldsFragment;

export const PAGE_SIZE = 100;

export interface Page {
  entries: Entry[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  /** A folder's listing: the folder itself (its id, path and sharing). */
  folder?: Entry;
}

/** One page of a list; null when what it lists is gone (no folder at that path). */
export type Fetcher = (after: string | null, first: number, signal: AbortSignal) => Promise<Page | null>;

export interface ListSpec {
  fetch: Fetcher;
  /** Whether a listed entry still belongs here as it is now (a moved or trashed one drops out). */
  keep: (entry: Entry, list: List) => boolean;
  /** Whether an entry the list does not hold yet joins it (a folder: a new child). */
  accepts?: (entry: Entry, list: List) => boolean;
}

export interface List {
  readonly key: string;
  spec: ListSpec;
  ids: string[];
  /** A folder's listing: the folder's id, once known. */
  folderId: string | null;
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  missing: boolean;
  error: string | null;
  loaded: boolean;
  stale: boolean;
  inflight: AbortController | null;
  /** Mounted readers: a stale list is refetched only while someone shows it. */
  readers: number;
}

const entries = new Map<string, Entry>();
const lists = new Map<string, List>();
const listeners = new Set<() => void>();
let notifyQueued = false;

function notify(): void {
  // One render per burst of writes (a page of changes, a list and its folder).
  if (notifyQueued) return;
  notifyQueued = true;
  queueMicrotask(() => {
    notifyQueued = false;
    for (const listener of listeners) listener();
  });
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getEntry(id: string | null | undefined): Entry | undefined {
  return id ? entries.get(id) : undefined;
}

/** The entries of a list as they are now, in the order loaded (screens sort them). */
export function entriesOf(list: List): Entry[] {
  const out: Entry[] = [];
  for (const id of list.ids) {
    const entry = entries.get(id);
    if (entry && list.spec.keep(entry, list)) out.push(entry);
  }
  return out;
}

function isUnder(path: string, folder: string): boolean {
  return folder === '/' ? path !== '/' : path.startsWith(`${folder}/`);
}

function put(entry: Entry): void {
  const before = entries.get(entry.id);
  entries.set(entry.id, before ? { ...before, ...entry } : entry);
  if (!before || before.__typename !== 'Folder' || before.path === entry.path) return;
  // A folder renamed or moved: what is known below it takes the new path, and the
  // listings kept under the old path go (shown ones are refetched, and say it is gone).
  const old = before.path;
  for (const [id, one] of entries) {
    if (isUnder(one.path, old)) entries.set(id, { ...one, path: entry.path + one.path.slice(old.length) });
  }
  for (const [key, list] of lists) {
    const path = key.startsWith('folder:') ? key.slice(7) : null;
    if (path === null || !(path === old || isUnder(path, old))) continue;
    if (list.readers === 0) lists.delete(key);
    else list.stale = true;
  }
}

/** Entries as the server returned them (a mutation's result, a change): every list follows. */
export function writeEntries(written: Entry[]): void {
  for (const entry of written) put(entry);
  for (const list of lists.values()) {
    if (!list.loaded) continue;
    const held = new Set(list.ids);
    for (const entry of written) {
      const now = entries.get(entry.id);
      if (!now) continue;
      if (held.has(entry.id)) {
        if (!list.spec.keep(now, list)) {
          list.ids = list.ids.filter((id) => id !== entry.id);
          list.totalCount = Math.max(0, list.totalCount - 1);
        }
      } else if (list.spec.accepts?.(now, list)) {
        list.ids = [...list.ids, entry.id];
        list.totalCount += 1;
      }
    }
  }
  notify();
}

/**
 * Entries gone from your view (trashed, purged, or no longer shared with you). Lists
 * whose key `spare` accepts keep them (the trash: a change that says "gone" does not
 * say whether to the trash or for good, so that list is asked again instead).
 */
export function dropEntries(ids: string[], spare: (key: string) => boolean = () => false): void {
  const gone = new Set(ids);
  const held = new Set<string>();
  for (const list of lists.values()) {
    if (spare(list.key)) {
      for (const id of list.ids) if (gone.has(id)) held.add(id);
      continue;
    }
    if (list.folderId !== null && gone.has(list.folderId)) {
      // The listed folder itself went: a shown listing asks again (and says it is gone).
      list.stale = true;
      if (list.readers > 0) void load(list, false);
    }
    const kept = list.ids.filter((id) => !gone.has(id));
    list.totalCount = Math.max(0, list.totalCount - (list.ids.length - kept.length));
    list.ids = kept;
  }
  for (const id of gone) if (!held.has(id)) entries.delete(id);
  notify();
}

async function load(list: List, more: boolean): Promise<void> {
  if (more && (list.inflight || !list.endCursor)) return;
  list.inflight?.abort();
  const abort = new AbortController();
  list.inflight = abort;
  // A refresh keeps what "Load more" brought in: as many entries as are held.
  const first = more ? PAGE_SIZE : Math.max(PAGE_SIZE, list.ids.length);
  try {
    const page = await list.spec.fetch(more ? list.endCursor : null, first, abort.signal);
    if (abort.signal.aborted) return;
    if (page === null) {
      Object.assign(list, { ids: [], folderId: null, totalCount: 0, endCursor: null, hasNextPage: false, missing: true });
    } else {
      for (const entry of page.folder ? [page.folder, ...page.entries] : page.entries) put(entry);
      const ids = page.entries.map((entry) => entry.id);
      list.ids = more ? [...list.ids.filter((id) => !ids.includes(id)), ...ids] : ids;
      list.folderId = page.folder?.id ?? list.folderId;
      Object.assign(list, {
        totalCount: page.totalCount,
        endCursor: page.endCursor,
        hasNextPage: page.hasNextPage,
        missing: false,
      });
    }
    Object.assign(list, { loaded: true, stale: false, error: null });
  } catch (failure) {
    if (abort.signal.aborted) return;
    list.error = describeFailure(failure);
  } finally {
    if (list.inflight === abort) list.inflight = null;
  }
  notify();
}

/** The next page of a list ("Load more"). */
export function loadMore(list: List): Promise<void> {
  return load(list, true);
}

/**
 * Lists whose key `which` accepts are out of date: shown ones are refetched now, the
 * others when next shown. (What a write did to a folder's children is written directly;
 * the trash and search results are asked again.)
 */
export function invalidate(which: (key: string) => boolean = () => true): void {
  for (const list of lists.values()) {
    if (!which(list.key)) continue;
    list.stale = true;
    if (list.readers > 0) void load(list, false);
  }
}

function listFor(key: string, spec: ListSpec): List {
  let list = lists.get(key);
  if (!list) {
    list = {
      key,
      spec,
      ids: [],
      folderId: null,
      totalCount: 0,
      endCursor: null,
      hasNextPage: false,
      missing: false,
      error: null,
      loaded: false,
      stale: true,
      inflight: null,
      readers: 0,
    };
    lists.set(key, list);
  }
  list.spec = spec;
  return list;
}

/** Re-renders the caller on every write to the store. */
export function useStore(): void {
  const [, setTick] = useState(0);
  useEffect(() => subscribe(() => setTick((tick) => tick + 1)), []);
}

/**
 * The list under `key`, fetched with `spec` when first shown and refreshed in the
 * background each time it is shown again (a cached one shows at once).
 */
export function useList(key: string, spec: ListSpec): List {
  useStore();
  const list = listFor(key, spec);
  useEffect(() => {
    const shown = lists.get(key) ?? list;
    lists.set(key, shown);
    shown.readers += 1;
    void load(shown, false);
    return () => {
      shown.readers -= 1;
      // Search results are not kept once off screen: one list per query would pile up.
      if (shown.readers === 0 && key.startsWith('search:')) lists.delete(key);
    };
    // `spec` is a new object each render, and the key names it: the key decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return list;
}

/** Forgets everything (signing out: the next account sees nothing of this one). */
export function clearStore(): void {
  for (const list of lists.values()) list.inflight?.abort();
  lists.clear();
  entries.clear();
  notify();
}

/** For tests: the lists held. */
export function listKeys(): string[] {
  return [...lists.keys()];
}
