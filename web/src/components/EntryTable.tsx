import type { ComponentChildren } from 'preact';
import type { EntryFieldsFragment } from '../gql/graphql';
import { formatBytes, formatDate } from '../lib/format';
import { browseUrl, parentPath } from '../lib/paths';
import { linkClick } from '../lib/router';
import { isShareRoot, sharedBy } from '../lib/sharing';

export type Entry = EntryFieldsFragment;

interface Props {
  caption: string;
  entries: Entry[];
  showPath?: boolean;
  actions: (entry: Entry) => ComponentChildren;
  empty: ComponentChildren;
}

export function EntryIcon({ folder }: { folder: boolean }) {
  return <span class={folder ? 'icon icon-folder' : 'icon icon-file'} aria-hidden="true" />;
}

/** Entries as table rows: the name (a link for folders), size, date and per-entry buttons. */
export function EntryTable({ caption, entries, showPath, actions, empty }: Props) {
  if (entries.length === 0) return <div class="empty">{empty}</div>;
  return (
    <table class="entries">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {showPath && <th scope="col">Folder</th>}
          <th scope="col" class="num">
            Size
          </th>
          <th scope="col">Modified</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const folder = entry.__typename === 'Folder';
          return (
            <tr key={entry.id} data-entry={entry.name}>
              <th scope="row" class="name">
                <EntryIcon folder={folder} />
                {folder && !entry.trashed ? (
                  <a href={browseUrl(entry.path)} onClick={linkClick}>
                    {entry.name}
                  </a>
                ) : (
                  <span>{entry.name}</span>
                )}
                {entry.shared && isShareRoot(entry) && (
                  <>
                    {' '}
                    <span class="badge badge-shared" title={sharedBy(entry.shared)}>
                      Shared
                    </span>
                  </>
                )}
              </th>
              {showPath && <td class="muted">{parentPath(entry.path)}</td>}
              <td class="num muted">{entry.__typename === 'File' ? formatBytes(entry.size) : '—'}</td>
              <td class="muted">
                <time dateTime={entry.modifiedAt}>{formatDate(entry.modifiedAt)}</time>
              </td>
              <td class="actions">{actions(entry)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
