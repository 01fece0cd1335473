import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { EntryFieldsFragment } from '../gql/graphql';
import { formatBytes, formatDate } from '../lib/format';
import { browseUrl, parentPath } from '../lib/paths';
import { linkClick } from '../lib/router';
import { canChange, isShareRoot, sharedBy } from '../lib/sharing';
import type { SortKey, SortOrder } from '../lib/sort';

export type Entry = EntryFieldsFragment;

export interface Selection {
  selected: ReadonlySet<string>;
  /** `range`: shift held, select everything from the last one clicked. */
  toggle: (entry: Entry, range: boolean) => void;
  toggleAll: () => void;
}

interface Props {
  caption: string;
  entries: Entry[];
  showPath?: boolean;
  /** The trash: a "Deleted" column. */
  showDeleted?: boolean;
  actions: (entry: Entry) => ComponentChildren;
  empty: ComponentChildren;
  /** A file's name opens it (the preview). */
  onOpen?: (entry: Entry) => void;
  selection?: Selection;
  sort?: SortOrder;
  onSort?: (key: SortKey) => void;
  /** Rows can be dragged onto a folder's row: the entries (the selection, when the row is in it) move there. */
  onDropInto?: (folder: Entry, ids: string[]) => void;
}

/** What a dragged row carries: the ids of the entries it moves (never files from the desktop). */
export const DRAG_TYPE = 'application/x-dropbox-lite-entries';

function dragged(event: DragEvent): boolean {
  return !!event.dataTransfer && Array.from(event.dataTransfer.types).includes(DRAG_TYPE);
}

/** The path and query of a server URL: images load from this page's origin whatever PUBLIC_URL says. */
export function sameOrigin(url: string): string {
  try {
    const parsed = new URL(url, window.location.href);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** An image file's thumbnail (decorative: the name follows), else the file or folder icon. */
export function EntryIcon({ folder, thumbnail }: { folder: boolean; thumbnail?: string | null }) {
  if (thumbnail) {
    return <img class="thumb" src={sameOrigin(thumbnail)} alt="" width={28} height={28} loading="lazy" decoding="async" />;
  }
  return <span class={folder ? 'icon icon-folder' : 'icon icon-file'} aria-hidden="true" />;
}

function Header({
  label,
  sortKey,
  sort,
  onSort,
  class: className,
}: {
  label: string;
  sortKey: SortKey;
  sort?: SortOrder;
  onSort?: (key: SortKey) => void;
  class?: string;
}) {
  const active = sort?.key === sortKey;
  const ariaSort = !sort ? undefined : active ? (sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" class={className} aria-sort={ariaSort}>
      {onSort ? (
        <button type="button" class="sort-button" onClick={() => onSort(sortKey)}>
          {label}
          <span class="sort-mark" aria-hidden="true">
            {active ? (sort?.descending ? '▼' : '▲') : ''}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}

/** Entries as table rows: the name (a link for folders), size, date and per-entry buttons. */
export function EntryTable(props: Props) {
  const { caption, entries, showPath, showDeleted, actions, empty, onOpen, selection, sort, onSort, onDropInto } = props;
  // The folder row a drag is over: highlighted as the drop target.
  const [over, setOver] = useState<string | null>(null);
  if (entries.length === 0) return <div class="empty">{empty}</div>;
  const all = selection && entries.every((entry) => selection.selected.has(entry.id));
  return (
    <table class={selection ? 'entries selectable' : 'entries'}>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {selection && (
            <td class="select">
              <input
                type="checkbox"
                aria-label="Select all"
                checked={all}
                onChange={() => selection.toggleAll()}
              />
            </td>
          )}
          <Header label="Name" sortKey="name" sort={sort} onSort={onSort} />
          {showPath && (
            <th scope="col" class="col-path">
              Folder
            </th>
          )}
          <Header label="Size" sortKey="size" sort={sort} onSort={onSort} class="num col-size" />
          {showDeleted ? (
            <th scope="col" class="col-modified">
              Deleted
            </th>
          ) : (
            <Header label="Modified" sortKey="modified" sort={sort} onSort={onSort} class="col-modified" />
          )}
          <th scope="col" class="col-actions">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const folder = entry.__typename === 'Folder';
          const checked = selection?.selected.has(entry.id) ?? false;
          const when = showDeleted ? (entry.trashedAt ?? entry.modifiedAt) : entry.modifiedAt;
          const movable = !!onDropInto && !entry.trashed && canChange(entry);
          const target = !!onDropInto && folder && !entry.trashed;
          const classes = [checked && 'selected', over === entry.id && 'drop-target'].filter(Boolean).join(' ');
          return (
            <tr
              key={entry.id}
              data-entry={entry.name}
              class={classes || undefined}
              draggable={movable}
              onDragStart={
                movable
                  ? (event) => {
                      const ids = checked && selection ? [...selection.selected] : [entry.id];
                      event.dataTransfer?.setData(DRAG_TYPE, JSON.stringify(ids));
                      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
                    }
                  : undefined
              }
              onDragOver={
                target
                  ? (event) => {
                      if (!dragged(event)) return;
                      event.preventDefault();
                      event.stopPropagation();
                      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
                      if (over !== entry.id) setOver(entry.id);
                    }
                  : undefined
              }
              onDragLeave={
                target
                  ? (event) => {
                      const to = event.relatedTarget as Node | null;
                      if (!to || !(event.currentTarget as Node).contains(to)) setOver(null);
                    }
                  : undefined
              }
              onDrop={
                target
                  ? (event) => {
                      if (!dragged(event)) return;
                      event.preventDefault();
                      event.stopPropagation();
                      setOver(null);
                      let ids: string[] = [];
                      try {
                        ids = JSON.parse(event.dataTransfer?.getData(DRAG_TYPE) ?? '[]') as string[];
                      } catch {
                        return;
                      }
                      const moving = ids.filter((id) => id !== entry.id);
                      if (moving.length > 0) onDropInto?.(entry, moving);
                    }
                  : undefined
              }
            >
              {selection && (
                <td class="select">
                  <input
                    type="checkbox"
                    aria-label={`Select ${entry.name}`}
                    checked={checked}
                    onClick={(event) => {
                      event.preventDefault();
                      selection.toggle(entry, event.shiftKey);
                    }}
                  />
                </td>
              )}
              <th scope="row" class="name">
                <span class="name-line">
                <EntryIcon folder={folder} thumbnail={entry.__typename === 'File' && !entry.trashed ? entry.thumbnailUrl : null} />
                {folder && !entry.trashed ? (
                  <a href={browseUrl(entry.path)} onClick={linkClick}>
                    {entry.name}
                  </a>
                ) : onOpen && !entry.trashed ? (
                  <a
                    href={browseUrl(entry.path)}
                    class="file-link"
                    onClick={(event) => {
                      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                      event.preventDefault();
                      onOpen(entry);
                    }}
                  >
                    {entry.name}
                  </a>
                ) : (
                  <span>{entry.name}</span>
                )}
                {entry.hasLink && !entry.trashed && (
                  <span class="i i-link badge-link" role="img" aria-label="Has a share link" title="Has a share link" />
                )}
                {entry.shared && isShareRoot(entry) && (
                  <>
                    {' '}
                    <span class="badge badge-shared" title={sharedBy(entry.shared)}>
                      Shared
                    </span>
                  </>
                )}
                </span>
              </th>
              {showPath && <td class="muted col-path">{parentPath(entry.path)}</td>}
              <td class="num muted col-size">{entry.__typename === 'File' ? formatBytes(entry.size) : '—'}</td>
              <td class="muted col-modified">
                <time dateTime={when}>{formatDate(when)}</time>
              </td>
              <td class="actions">{actions(entry)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
