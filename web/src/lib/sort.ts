export type SortKey = 'name' | 'size' | 'modified';
export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

interface Sortable {
  __typename?: string;
  name: string;
  modifiedAt: string;
  size?: number;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Folders first, then by the key (names as people read them: "file 2" before "file 10"). */
export function sortEntries<T extends Sortable>(entries: readonly T[], order: SortOrder): T[] {
  const sign = order.descending ? -1 : 1;
  const byName = (a: T, b: T) => collator.compare(a.name, b.name);
  return [...entries].sort((a, b) => {
    const folders = Number(b.__typename === 'Folder') - Number(a.__typename === 'Folder');
    if (folders !== 0) return folders;
    let diff = 0;
    if (order.key === 'size') diff = (a.size ?? 0) - (b.size ?? 0);
    else if (order.key === 'modified') diff = Date.parse(a.modifiedAt) - Date.parse(b.modifiedAt);
    return sign * (diff || byName(a, b));
  });
}

/** A click on a header: the same key turns the order round, another starts ascending. */
export function nextOrder(current: SortOrder, key: SortKey): SortOrder {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: false };
}
