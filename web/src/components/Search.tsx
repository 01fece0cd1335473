import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { SearchQuery } from '../api/operations';
import { describeFailure } from '../lib/errors';
import { CHANGED_EVENT, useEntryActions } from './entryActions';
import { type Entry, EntryTable } from './EntryTable';

export function Search({ query }: { query: string }) {
  const [results, setResults] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((value) => value + 1);
  const { buttons, dialog } = useEntryActions(reload);

  useEffect(() => {
    window.addEventListener(CHANGED_EVENT, reload);
    return () => window.removeEventListener(CHANGED_EVENT, reload);
  }, []);
  useEffect(() => {
    let live = true;
    if (!query.trim()) {
      setResults([]);
      return;
    }
    request(SearchQuery, { query: query.trim() })
      .then((data) => live && (setResults(data.search), setError(null)))
      .catch((failure) => live && setError(describeFailure(failure)));
    return () => {
      live = false;
    };
  }, [query, version]);

  return (
    <div>
      <div class="toolbar">
        <h1>Search results for “{query}”</h1>
      </div>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {results === null ? (
        <p class="muted">Searching…</p>
      ) : (
        <EntryTable
          caption={`Search results for ${query}`}
          entries={results}
          showPath
          actions={buttons}
          empty={<p>No file or folder name contains “{query}”.</p>}
        />
      )}
      {dialog}
    </div>
  );
}
