import { SHARED } from '../lib/lists';
import { entriesOf, useList } from '../lib/store';
import { useEntryActions } from './entryActions';
import { EntryTable } from './EntryTable';

/** The mounts of folders that others share with the signed-in user (they live in the root). */
export function SharedWithMe() {
  const list = useList(...SHARED);
  const { buttons, dialog } = useEntryActions();

  return (
    <div>
      <div class="toolbar">
        <h1>Shared with me</h1>
      </div>
      {list.error && (
        <p role="alert" class="form-error">
          {list.error}
        </p>
      )}
      {!list.loaded ? (
        <p class="muted">Loading…</p>
      ) : (
        <EntryTable
          caption="Folders shared with you"
          entries={entriesOf(list)}
          actions={buttons}
          empty={<p>Nobody shares a folder with you yet. When someone does, it shows here and in All files.</p>}
        />
      )}
      {dialog}
    </div>
  );
}
