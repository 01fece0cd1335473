import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { EmptyTrashMutation, PurgeEntryMutation, RestoreEntryMutation, TrashQuery } from '../api/operations';
import { describeError, describeFailure } from '../lib/errors';
import { ConfirmDialog } from './ConfirmDialog';
import { announceChange } from './entryActions';
import { type Entry, EntryTable } from './EntryTable';
import { notify } from './Notice';
import { RowActions } from './RowActions';
import { PAGE_SIZE } from './Browser';

export function Trash() {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [purging, setPurging] = useState<Entry | null>(null);
  const [emptying, setEmptying] = useState(false);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((value) => value + 1);

  async function load(after: string | null, previous: Entry[]) {
    try {
      const page = (await request(TrashQuery, { first: PAGE_SIZE, after })).trash;
      setEntries([...previous, ...page.edges.map((edge) => edge.node)]);
      setCursor(page.pageInfo.endCursor);
      setMore(page.pageInfo.hasNextPage);
    } catch (failure) {
      notify(describeFailure(failure), 'error');
    }
  }
  useEffect(() => {
    void load(null, []);
  }, [version]);

  async function restore(entry: Entry) {
    try {
      const result = (await request(RestoreEntryMutation, { id: entry.id })).restoreEntry;
      if (result.__typename === 'File' || result.__typename === 'Folder') {
        notify(`Restored “${entry.name}” to ${result.path}.`);
        reload();
        announceChange();
      } else {
        notify(describeError(result), 'error');
      }
    } catch (failure) {
      notify(describeFailure(failure), 'error');
    }
  }

  return (
    <div>
      <div class="toolbar">
        <h1>Trash</h1>
        <div class="toolbar-actions">
          <button
            type="button"
            class="danger-text"
            disabled={!entries || entries.length === 0}
            onClick={() => setEmptying(true)}
          >
            <span class="i i-delete" aria-hidden="true" />
            Empty trash
          </button>
        </div>
      </div>
      <p class="muted">
        Deleted files and folders stay here until you delete them forever. What was deleted in a folder shared
        with you is its owner's to delete forever.
      </p>
      {entries === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <EntryTable
          caption="Trash"
          entries={entries}
          showPath
          showDeleted
          empty={<p>The trash is empty.</p>}
          actions={(entry) => {
            // In a folder shared with you: a Viewer restores nothing, only the owner purges.
            const owner = entry.shared?.ownerUsername;
            const viewer = entry.shared?.yourRole === 'VIEWER';
            const notYours = entry.shared != null && !entry.shared.youOwn;
            return (
              <RowActions
                name={entry.name}
                actions={[
                  {
                    label: 'Restore',
                    icon: 'restore',
                    disabled: viewer,
                    title: viewer ? `Only ${owner} and editors restore this` : undefined,
                    onClick: () => void restore(entry),
                  },
                  {
                    label: 'Delete forever',
                    icon: 'delete',
                    danger: true,
                    disabled: notYours,
                    title: notYours ? `Only ${owner} deletes this forever` : undefined,
                    onClick: () => setPurging(entry),
                  },
                ]}
              />
            );
          }}
        />
      )}
      {more && entries && (
        <button type="button" onClick={() => void load(cursor, entries)}>
          Load more
        </button>
      )}
      {emptying && (
        <ConfirmDialog
          title="Empty the trash?"
          action="Empty trash"
          onClose={() => setEmptying(false)}
          onConfirm={async () => {
            try {
              const purged = (await request(EmptyTrashMutation)).emptyTrash;
              notify(`Deleted ${purged} item${purged === 1 ? '' : 's'} forever.`);
              reload();
              announceChange();
            } catch (failure) {
              notify(describeFailure(failure), 'error');
            }
          }}
        >
          <p>Everything in the trash that is yours is deleted forever. This cannot be undone.</p>
        </ConfirmDialog>
      )}
      {purging && (
        <ConfirmDialog
          title={`Delete “${purging.name}” forever?`}
          action="Delete forever"
          onClose={() => setPurging(null)}
          onConfirm={async () => {
            try {
              await request(PurgeEntryMutation, { id: purging.id });
              notify(`Deleted “${purging.name}” forever.`);
              reload();
              announceChange();
            } catch (failure) {
              notify(describeFailure(failure), 'error');
            }
          }}
        >
          <p>This cannot be undone{purging.__typename === 'Folder' ? ': the folder and everything in it go' : ''}.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
