import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { RootFolderQuery } from '../api/operations';
import type { RootFolderQuery as RootFolderResult } from '../gql/graphql';
import { describeFailure } from '../lib/errors';
import { isMount } from '../lib/sharing';
import { CHANGED_EVENT, useEntryActions } from './entryActions';
import { type Entry, EntryTable } from './EntryTable';

/** The mounts of folders that others share with the signed-in user (they live in the root). */
async function loadMounts(): Promise<Entry[]> {
  const found: Entry[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const data: RootFolderResult = await request(RootFolderQuery, { first: 200, after });
    const children = data.folder.children;
    found.push(...children.edges.map((edge) => edge.node).filter((node) => isMount(node)));
    if (!children.pageInfo.hasNextPage || !children.pageInfo.endCursor) break;
    after = children.pageInfo.endCursor;
  }
  return found;
}

export function SharedWithMe() {
  const [mounts, setMounts] = useState<Entry[] | null>(null);
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
    loadMounts()
      .then((found) => live && (setMounts(found), setError(null)))
      .catch((failure) => live && setError(describeFailure(failure)));
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <div>
      <div class="toolbar">
        <h1>Shared with me</h1>
      </div>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {mounts === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <EntryTable
          caption="Folders shared with you"
          entries={mounts}
          actions={buttons}
          empty={<p>Nobody shares a folder with you yet. When someone does, it shows here and in All files.</p>}
        />
      )}
      {dialog}
    </div>
  );
}
