// The app's four kinds of list, for the store: how each is fetched, and which entries
// belong to it (the store applies that to every written entry).
import { send } from '../api/client';
import { FolderByPathQuery, RootFolderQuery, SearchQuery, TrashQuery } from '../api/operations';
import type { RootFolderQuery as RootFolderResult } from '../gql/graphql';
import type { LiveChange } from './live';
import { isMount } from './sharing';
import { type Entry, type ListSpec, type Page, invalidate, writeEntries, dropEntries } from './store';

function live(entry: Entry): boolean {
  return !entry.trashed;
}

/** A folder's children, by the folder's path; new children (a change, a move here) join it. */
export function folderList(path: string): [string, ListSpec] {
  const child = (entry: Entry, list: { folderId: string | null }) =>
    live(entry) && list.folderId !== null && entry.parentId === list.folderId;
  return [
    `folder:${path}`,
    {
      keep: child,
      accepts: child,
      fetch: async (after, first, signal): Promise<Page | null> => {
        const folder =
          path === '/'
            ? (await send(RootFolderQuery, { first, after }, signal)).folder
            : (await send(FolderByPathQuery, { path, first, after }, signal)).entry;
        if (!folder || folder.__typename !== 'Folder') return null;
        const { children, ...itself } = folder;
        return {
          folder: itself,
          entries: children.edges.map((edge) => edge.node),
          totalCount: children.totalCount,
          endCursor: children.pageInfo.endCursor,
          hasNextPage: children.pageInfo.hasNextPage,
        };
      },
    },
  ];
}

export const TRASH: [string, ListSpec] = [
  'trash',
  {
    keep: (entry) => entry.trashed,
    fetch: async (after, first, signal) => {
      const page = (await send(TrashQuery, { first, after }, signal)).trash;
      return {
        entries: page.edges.map((edge) => edge.node),
        totalCount: page.totalCount,
        endCursor: page.pageInfo.endCursor,
        hasNextPage: page.pageInfo.hasNextPage,
      };
    },
  },
];

export function searchList(query: string): [string, ListSpec] {
  return [
    `search:${query}`,
    {
      keep: live,
      fetch: async (_after, _first, signal) => {
        const found = query ? (await send(SearchQuery, { query }, signal)).search : [];
        return { entries: found, totalCount: found.length, endCursor: null, hasNextPage: false };
      },
    },
  ];
}

/** The mounts of folders that others share with you (they live in your root). */
export const SHARED: [string, ListSpec] = [
  'shared',
  {
    keep: (entry) => live(entry) && isMount(entry),
    fetch: async (_after, _first, signal) => {
      const found: Entry[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page += 1) {
        const data: RootFolderResult = await send(RootFolderQuery, { first: 200, after }, signal);
        const children = data.folder.children;
        found.push(...children.edges.map((edge) => edge.node).filter((node) => isMount(node)));
        if (!children.pageInfo.hasNextPage || !children.pageInfo.endCursor) break;
        after = children.pageInfo.endCursor;
      }
      return { entries: found, totalCount: found.length, endCursor: null, hasNextPage: false };
    },
  },
];

/** Lists that a write cannot update by itself: asked again (the trash, search results, mounts). */
export function refreshDerived(): void {
  invalidate((key) => !key.startsWith('folder:'));
}

/** A mutation's result: an entry written to the store, or nothing (an error member). */
export function written(result: Entry | { __typename: string; message?: string }): void {
  if (result.__typename === 'File' || result.__typename === 'Folder') writeEntries([result as Entry]);
}

/** A page of the `changes` feed, applied: what another device or member did shows at once. */
export function applyChanges(changes: LiveChange[]): void {
  const upserted = changes.filter((change) => change.kind === 'UPSERTED' && change.entry).map((change) => change.entry as Entry);
  const deleted = changes.filter((change) => change.kind === 'DELETED').map((change) => change.id);
  if (upserted.length > 0) writeEntries(upserted);
  if (deleted.length > 0) {
    // Out of every listing but the trash, which is asked again: a change arriving after
    // the trash was fetched must not take a just-deleted file out of it.
    const trash = (key: string) => key === TRASH[0];
    dropEntries(deleted, trash);
    invalidate(trash);
  }
}
