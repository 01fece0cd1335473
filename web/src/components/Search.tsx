import { searchList } from '../lib/lists';
import { entriesOf, useList } from '../lib/store';
import { useEntryActions } from './entryActions';
import { EntryTable } from './EntryTable';

export function Search({ query }: { query: string }) {
  const [key, spec] = searchList(query.trim());
  const list = useList(key, spec);
  const { buttons, dialog } = useEntryActions();

  return (
    <div>
      <div class="toolbar">
        <h1>Search results for “{query}”</h1>
      </div>
      {list.error && (
        <p role="alert" class="form-error">
          {list.error}
        </p>
      )}
      {!list.loaded ? (
        <p class="muted">Searching…</p>
      ) : (
        <EntryTable
          caption={`Search results for ${query}`}
          entries={entriesOf(list)}
          showPath
          actions={buttons}
          empty={<p>No file or folder name contains “{query}”.</p>}
        />
      )}
      {dialog}
    </div>
  );
}
