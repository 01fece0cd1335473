import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { CopyEntryMutation, FolderLookupQuery, MoveEntryMutation } from '../api/operations';
import { describeError, describeFailure } from '../lib/errors';
import { written } from '../lib/lists';
import { normalizePath, parentPath } from '../lib/paths';
import { Dialog } from './Dialog';
import type { Entry } from './EntryTable';

interface Props {
  kind: 'Move' | 'Copy';
  /** One entry (its name can change on the way), or several selected ones. */
  entries: Entry[];
  onDone: (message: string) => void;
  onClose: () => void;
}

interface Subfolder {
  id: string;
  name: string;
  path: string;
}

/**
 * Moves or copies `entries` into the folder `parentId` (at `where`), one by one; the
 * results go into the store. The notice's sentence for what was done, and the failures
 * in words (each named by its entry when there are several).
 */
export async function transfer(
  kind: 'Move' | 'Copy',
  entries: Entry[],
  parentId: string,
  name: string | null,
  where: string,
): Promise<{ message: string | null; failures: string[] }> {
  const single = entries.length === 1;
  const failures: string[] = [];
  let last = '';
  for (const one of entries) {
    const variables = { id: one.id, parentId, name: single ? name : null };
    try {
      const result =
        kind === 'Move'
          ? (await request(MoveEntryMutation, variables)).moveEntry
          : (await request(CopyEntryMutation, variables)).copyEntry;
      written(result);
      if (result.__typename === 'File' || result.__typename === 'Folder') last = result.path;
      else failures.push(single ? describeError(result) : `${one.name}: ${describeError(result)}`);
    } catch (failure) {
      failures.push(single ? describeFailure(failure) : `${one.name}: ${describeFailure(failure)}`);
    }
  }
  const done = entries.length - failures.length;
  if (done === 0) return { message: null, failures };
  const at = single ? last : `${where} (${done} item${done === 1 ? '' : 's'})`;
  return { message: kind === 'Move' ? `Moved to ${at}.` : `Copied to ${at}.`, failures };
}

/** Choose a destination folder (typed, or by browsing its subfolders) and a name. */
export function MoveCopyDialog({ kind, entries, onDone, onClose }: Props) {
  const entry = entries[0];
  const single = entries.length === 1;
  // The entries' ids as one string: an effect's dependency that does not change while they do not.
  const moving = entries.map((one) => one.id).join(' ');
  const [destination, setDestination] = useState(parentPath(entry.path));
  const [name, setName] = useState(entry.name);
  const [subfolders, setSubfolders] = useState<Subfolder[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = normalizePath(destination);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      request(FolderLookupQuery, { path: target })
        .then((data) => {
          if (!live) return;
          const found = data.entry;
          setSubfolders(
            found?.__typename === 'Folder'
              ? found.children.edges
                  .map((edge) => edge.node)
                  .filter((node) => node.__typename === 'Folder' && !moving.includes(node.id))
              : [],
          );
        })
        .catch(() => live && setSubfolders([]));
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [target, moving]);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const found = (await request(FolderLookupQuery, { path: target })).entry;
      if (found?.__typename !== 'Folder') {
        setError(`There is no folder ${target}.`);
        return;
      }
      const { message, failures } = await transfer(kind, entries, found.id, single ? name.trim() || null : null, target);
      if (message) onDone(message);
      if (failures.length === 0) onClose();
      else setError(failures.join(' '));
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={single ? `${kind} “${entry.name}”` : `${kind} ${entries.length} items`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label for="destination">Destination folder</label>
        <input
          id="destination"
          value={destination}
          onInput={(event) => setDestination(event.currentTarget.value)}
        />
        <div class="folder-picker" role="group" aria-label="Folders in the destination">
          {target !== '/' && (
            <button type="button" class="link-button" onClick={() => setDestination(parentPath(target))}>
              ↑ Up to {parentPath(target) === '/' ? 'All files' : parentPath(target)}
            </button>
          )}
          {subfolders.map((folder) => (
            <button
              type="button"
              key={folder.id}
              class="link-button"
              onClick={() => setDestination(folder.path)}
            >
              <span class="icon icon-folder" aria-hidden="true" />
              {folder.name}
            </button>
          ))}
          {subfolders.length === 0 && <p class="muted small">No folders inside.</p>}
        </div>
        {single && (
          <>
            <label for="entry-name">Name</label>
            <input id="entry-name" value={name} onInput={(event) => setName(event.currentTarget.value)} />
          </>
        )}
        {error && (
          <p role="alert" class="form-error">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {kind}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
