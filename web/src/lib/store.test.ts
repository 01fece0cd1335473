import { afterEach, describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import {
  clearStore,
  dropEntries,
  type Entry,
  entriesOf,
  type List,
  type ListSpec,
  listKeys,
  loadMore,
  type Page,
  useList,
  writeEntries,
} from './store';

function entry(id: string, path: string, parentId: string, folder = false): Entry {
  const name = path.split('/').pop() ?? '';
  const base = { id, name, path, parentId, modifiedAt: '2026-12-06T00:00:00Z', trashed: false, trashedAt: null, hasLink: false, shared: null };
  return folder
    ? { __typename: 'Folder', ...base }
    : { __typename: 'File', ...base, size: 1, rev: 1, mimeType: 'text/plain', thumbnailUrl: null };
}

const root = entry('root', '/', '', true);
const docs = entry('docs', '/docs', 'root', true);
const a = entry('a', '/a.txt', 'root');
const b = entry('b', '/docs/b.txt', 'docs');

/** A folder spec whose fetches are answered by hand. */
function manual(folder: Entry, pages: Page[]) {
  const asked: { after: string | null; signal: AbortSignal; answer: (page: Page | null) => void }[] = [];
  const child = (one: Entry, list: List) => !one.trashed && one.parentId === list.folderId;
  const spec: ListSpec = {
    keep: child,
    accepts: child,
    fetch: (after, _first, signal) =>
      new Promise((resolve) => asked.push({ after, signal, answer: resolve })),
  };
  return { spec, asked, pages, folder };
}

function mount(key: string, spec: ListSpec): { list: () => List; unmount: () => void } {
  let seen: List | null = null;
  function Probe() {
    seen = useList(key, spec);
    return null;
  }
  const host = document.createElement('div');
  act(() => render(h(Probe, {}), host));
  return { list: () => seen as unknown as List, unmount: () => act(() => render(null, host)) };
}

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

afterEach(() => clearStore());

describe('the entry store', () => {
  it('lists a folder, and writes move, rename and drop entries in every list', async () => {
    const top = manual(root, []);
    const inner = manual(docs, []);
    const shownTop = mount('folder:/', top.spec);
    const shownDocs = mount('folder:/docs', inner.spec);
    top.asked[0].answer({ folder: root, entries: [a, docs], totalCount: 2, endCursor: null, hasNextPage: false });
    inner.asked[0].answer({ folder: docs, entries: [b], totalCount: 1, endCursor: null, hasNextPage: false });
    await settle();
    expect(entriesOf(shownTop.list()).map((one) => one.name)).toEqual(['a.txt', 'docs']);

    // a.txt moved into docs (a mutation's result or a change): it leaves / and joins /docs
    writeEntries([{ ...a, parentId: 'docs', path: '/docs/a.txt' }]);
    expect(entriesOf(shownTop.list()).map((one) => one.name)).toEqual(['docs']);
    expect(entriesOf(shownDocs.list()).map((one) => one.path)).toEqual(['/docs/b.txt', '/docs/a.txt']);
    expect(shownDocs.list().totalCount).toBe(2);

    // docs renamed: what is known below it takes the new path
    writeEntries([{ ...docs, name: 'papers', path: '/papers' }]);
    expect(entriesOf(shownDocs.list()).map((one) => one.path)).toEqual(['/papers/b.txt', '/papers/a.txt']);

    // trashed (a deleteEntry result): it drops out; purged: gone everywhere
    writeEntries([{ ...b, path: '/papers/b.txt', trashed: true }]);
    expect(entriesOf(shownDocs.list()).map((one) => one.name)).toEqual(['a.txt']);
    dropEntries(['a']);
    expect(entriesOf(shownDocs.list())).toEqual([]);
    shownTop.unmount();
    shownDocs.unmount();
  });

  it('a "gone" change after the trash was fetched leaves the trashed file in the trash', async () => {
    const top = manual(root, []);
    const trashed = { ...a, trashed: true, trashedAt: '2026-12-06T00:00:01Z' };
    const asked: ((page: Page) => void)[] = [];
    const trashSpec: ListSpec = {
      keep: (one) => one.trashed,
      fetch: () => new Promise((resolve) => asked.push(resolve)),
    };
    const shownTop = mount('folder:/', top.spec);
    top.asked[0].answer({ folder: root, entries: [a, docs], totalCount: 2, endCursor: null, hasNextPage: false });
    const shownTrash = mount('trash', trashSpec);
    asked[0]({ entries: [trashed], totalCount: 1, endCursor: null, hasNextPage: false });
    await settle();
    // the feed says a is gone (it went to the trash): out of the folder, still in the trash
    dropEntries(['a'], (key) => key === 'trash');
    expect(entriesOf(shownTop.list()).map((one) => one.name)).toEqual(['docs']);
    expect(entriesOf(shownTrash.list()).map((one) => one.name)).toEqual(['a.txt']);
    // without sparing it, it is gone everywhere (a purge seen by a list that is not the trash)
    dropEntries(['a']);
    expect(entriesOf(shownTrash.list())).toEqual([]);
    shownTop.unmount();
    shownTrash.unmount();
  });

  it('a late answer lands only in the list it was asked for, and a refresh beats a stale one', async () => {
    const top = manual(root, []);
    const shown = mount('folder:/', top.spec);
    shown.unmount();
    const inner = manual(docs, []);
    const other = mount('folder:/docs', inner.spec);
    // the first folder answers after the navigation: it stays in its own list
    top.asked[0].answer({ folder: root, entries: [a], totalCount: 1, endCursor: null, hasNextPage: false });
    inner.asked[0].answer({ folder: docs, entries: [b], totalCount: 1, endCursor: 'c1', hasNextPage: true });
    await settle();
    expect(entriesOf(other.list()).map((one) => one.name)).toEqual(['b.txt']);
    expect(listKeys().sort()).toEqual(['folder:/', 'folder:/docs']);

    // "Load more" then a refresh: the refresh aborts it, and its answer is dropped
    const more = loadMore(other.list());
    expect(inner.asked[1].after).toBe('c1');
    writeEntries([]);
    const list = other.list();
    list.stale = true;
    const again = mount('folder:/docs', inner.spec); // shown again: refreshed
    expect(inner.asked[1].signal.aborted).toBe(true);
    inner.asked[1].answer({ folder: docs, entries: [a], totalCount: 2, endCursor: null, hasNextPage: false });
    inner.asked[2].answer({ folder: docs, entries: [b], totalCount: 1, endCursor: null, hasNextPage: false });
    await more;
    await settle();
    expect(entriesOf(list).map((one) => one.name)).toEqual(['b.txt']);
    again.unmount();
    other.unmount();
  });

  it('a gone folder says so', async () => {
    const top = manual(docs, []);
    const shown = mount('folder:/docs', top.spec);
    top.asked[0].answer(null);
    await settle();
    expect(shown.list().missing).toBe(true);
    expect(shown.list().loaded).toBe(true);
    shown.unmount();
  });
});
