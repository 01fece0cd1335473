import { useState } from 'preact/hooks';
import { request } from '../api/client';
import { EmptyTrashMutation, PurgeEntryMutation, RestoreEntryMutation } from '../api/operations';
import { describeError, describeFailure } from '../lib/errors';
import { TRASH, written } from '../lib/lists';
import { dropEntries, entriesOf, loadMore, useList } from '../lib/store';
import { ConfirmDialog } from './ConfirmDialog';
import { afterWrite, announceChange } from './entryActions';
import { type Entry, EntryTable } from './EntryTable';
import { notify } from './Notice';
import { RowActions } from './RowActions';

export function Trash() {
  const list = useList(...TRASH);
  const entries = list.loaded ? entriesOf(list) : null;
  const [purging, setPurging] = useState<Entry | null>(null);
  const [emptying, setEmptying] = useState(false);

  async function restore(entry: Entry) {
    try {
      const result = (await request(RestoreEntryMutation, { id: entry.id })).restoreEntry;
      if (result.__typename === 'File' || result.__typename === 'Folder') {
        written(result);
        afterWrite();
        notify(`Restored “${entry.name}” to ${result.path}.`);
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
      {list.error && (
        <p role="alert" class="form-error">
          {list.error}
        </p>
      )}
      {list.hasNextPage && entries && (
        <button type="button" onClick={() => void loadMore(list)}>
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
              dropEntries([purging.id]);
              afterWrite();
              notify(`Deleted “${purging.name}” forever.`);
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
