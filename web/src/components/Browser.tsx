import { useEffect, useRef, useState } from 'preact/hooks';
import { RequestError, request, upload } from '../api/client';
import { CreateFolderMutation, EntryNameQuery, UploadFileMutation } from '../api/operations';
import { describeError, describeFailure } from '../lib/errors';
import { folderList, written } from '../lib/lists';
import { entriesOf, getEntry, loadMore, useList } from '../lib/store';
import { breadcrumb, browseUrl } from '../lib/paths';
import { linkClick, navigate } from '../lib/router';
import { canWriteInside, type Shared } from '../lib/sharing';
import { UploadQueue, type UploadItem } from '../lib/uploads';
import { bigFilesByTus } from '../lib/tus';
import { foldersToMake, type Placed, placedFromDrop, placedFromInput } from '../lib/folders';
import { nextOrder, sortEntries, type SortOrder } from '../lib/sort';
import { Dialog } from './Dialog';
import { afterWrite, announceChange, download, removeEntries, useEntryActions } from './entryActions';
import { DRAG_TYPE, type Entry, EntryTable } from './EntryTable';
import { MoveCopyDialog, transfer } from './MoveCopyDialog';
import { Preview } from './Preview';
import { NameDialog } from './NameDialog';
import { notify } from './Notice';
import { SharedBar } from './SharedBar';
import { Uploads } from './Uploads';

/** Set when the first listing is on screen: the main screen's time to first render. */
export const LISTED_MARK = 'dropbox-lite:first-listing';

/** The open folder as the screen uses it: read from the store's list for its path. */
interface Listing {
  path: string;
  folderId: string;
  shared: Shared | null;
  entries: Entry[];
  totalCount: number;
  hasNextPage: boolean;
}

// One queue for the whole app, so that uploads go on (and stay listed) while you
// look at another folder, the trash or your devices.
export interface UploadTarget {
  parentId: string;
  /** The folder's path, to name it in the Uploads panel. */
  path: string;
  /** OVERWRITE: "Replace" (the file gains a version); ADD with autorename: "Keep both". */
  replace: boolean;
}

const queue = new UploadQueue<UploadTarget>(
  // Files over 8 MiB go through tus (resumable); the others through uploadFile.
  bigFilesByTus((file, { parentId, replace }, onProgress) => {
    const variables = replace ? { parentId, mode: 'OVERWRITE' as const, autorename: false } : { parentId, autorename: true };
    const handle = upload(UploadFileMutation, variables, file, onProgress);
    return {
      cancel: handle.cancel,
      promise: handle.promise.then((data) =>
        data.uploadFile.__typename === 'File' ? null : describeError(data.uploadFile),
      ),
    };
  }),
  3,
  announceChange,
  ({ path }) => (path === '/' ? 'All files' : path),
);

/** The path's folders; with `onDropInto`, rows dragged onto a crumb move into that folder (up the tree). */
export function Breadcrumb({ path, onDropInto }: { path: string; onDropInto?: (path: string, ids: string[]) => void }) {
  const crumbs = breadcrumb(path);
  const [over, setOver] = useState<string | null>(null);
  return (
    <nav aria-label="Breadcrumb" class="breadcrumb">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.path}>
            {index === crumbs.length - 1 ? (
              <span aria-current="page">{crumb.name}</span>
            ) : (
              <a
                href={browseUrl(crumb.path)}
                onClick={linkClick}
                class={over === crumb.path ? 'drop-target' : undefined}
                onDragOver={(event) => {
                  if (!onDropInto || !event.dataTransfer || !Array.from(event.dataTransfer.types).includes(DRAG_TYPE)) return;
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                  setOver(crumb.path);
                }}
                onDragLeave={() => setOver(null)}
                onDrop={(event) => {
                  if (!onDropInto || !event.dataTransfer?.types.includes(DRAG_TYPE)) return;
                  event.preventDefault();
                  setOver(null);
                  try {
                    onDropInto(crumb.path, JSON.parse(event.dataTransfer.getData(DRAG_TYPE)) as string[]);
                  } catch {
                    // Not one of our rows.
                  }
                }}
              >
                {crumb.name}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

interface Clash {
  files: File[];
  parentId: string;
  path: string;
  taken: string[];
}

/** Which of `files` already have a name in the folder (the listing, else the server, says). */
async function takenNames(files: File[], listing: Listing): Promise<string[]> {
  const listed = new Set(listing.entries.map((entry) => entry.name.toLowerCase()));
  const taken: string[] = [];
  for (const file of files) {
    if (listed.has(file.name.toLowerCase())) taken.push(file.name);
    else if (listing.hasNextPage) {
      const path = listing.path === '/' ? `/${file.name}` : `${listing.path}/${file.name}`;
      const found = (await request(EntryNameQuery, { path })).entry;
      if (found?.__typename === 'File') taken.push(file.name);
    }
  }
  return taken;
}

/** Makes the folders that `placed` needs under the folder at `base`; their ids by relative path. */
async function makeFolders(base: Listing, placed: Placed[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>([['', base.folderId]]);
  for (const dir of foldersToMake(placed)) {
    const cut = dir.lastIndexOf('/');
    const parentId = ids.get(cut < 0 ? '' : dir.slice(0, cut)) ?? base.folderId;
    const name = dir.slice(cut + 1);
    const result = (await request(CreateFolderMutation, { parentId, name })).createFolder;
    if (result.__typename === 'Folder') {
      ids.set(dir, result.id);
      continue;
    }
    // Already there: the files go into it.
    const path = base.path === '/' ? `/${dir}` : `${base.path}/${dir}`;
    const found = (await request(EntryNameQuery, { path })).entry;
    if (found?.__typename !== 'Folder') throw new Error(`${dir}: ${describeError(result)}`);
    ids.set(dir, found.id);
  }
  return ids;
}

const SHORTCUTS: [string, string][] = [
  ['/', 'Search'],
  ['Enter', 'Open the selected item'],
  ['F2', 'Rename the selected item'],
  ['Delete', 'Move the selected items to the trash'],
  ['Escape', 'Clear the selection'],
  ['← →', 'Previous and next file in a preview'],
  ['?', 'This list'],
];

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element?.closest?.('input, textarea, select, [contenteditable=true], dialog');
}

export function Browser({ path }: { path: string }) {
  const [creating, setCreating] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [order, setOrder] = useState<SortOrder>({ key: 'name', descending: false });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [previewing, setPreviewing] = useState<number | null>(null);
  const [clash, setClash] = useState<Clash | null>(null);
  const [bulk, setBulk] = useState<'Move' | 'Copy' | null>(null);
  const [help, setHelp] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const anchor = useRef<string | null>(null);

  // The folder's listing comes from the store: shown at once when it was seen before,
  // refreshed behind it; the live feed and this screen's own writes keep it current.
  const [key, spec] = folderList(path);
  const list = useList(key, spec);
  const folder = getEntry(list.folderId);
  const listing: Listing | null =
    list.loaded && !list.missing && list.folderId
      ? {
          path,
          folderId: list.folderId,
          shared: folder?.shared ?? null,
          entries: entriesOf(list),
          totalCount: list.totalCount,
          hasNextPage: list.hasNextPage,
        }
      : null;
  const missing = list.loaded && list.missing;
  const error = list.error;

  useEffect(() => {
    setUploads(queue.items);
    return queue.subscribe(setUploads);
  }, []);

  useEffect(() => {
    setSelected(new Set());
    setPreviewing(null);
  }, [path]);

  useEffect(() => {
    if (list.loaded && performance.getEntriesByName(LISTED_MARK).length === 0) performance.mark(LISTED_MARK);
  }, [list.loaded]);

  const { buttons, dialog, act, changed } = useEntryActions();

  async function addFiles(files: File[]) {
    if (files.length === 0 || !listing) return;
    const parentId = listing.folderId;
    let taken: string[] = [];
    try {
      taken = await takenNames(files, listing);
    } catch {
      // The server answers for itself: a clash it finds is kept under a free name.
    }
    if (taken.length > 0) setClash({ files, parentId, path: listing.path, taken });
    else queue.add(files, { parentId, path: listing.path, replace: false });
  }

  async function addPlaced(placed: Placed[]) {
    if (!listing || placed.length === 0) return;
    try {
      const ids = await makeFolders(listing, placed);
      const byFolder = new Map<string, { path: string; files: File[] }>();
      for (const { file, dir } of placed) {
        if (!file.name) continue; // stands for an empty folder: made above
        const id = ids.get(dir) ?? listing.folderId;
        const path = !ids.has(dir) || !dir ? listing.path : listing.path === '/' ? `/${dir}` : `${listing.path}/${dir}`;
        const group = byFolder.get(id) ?? { path, files: [] };
        group.files.push(file);
        byFolder.set(id, group);
      }
      for (const [parentId, group] of byFolder) queue.add(group.files, { parentId, path: group.path, replace: false });
      announceChange();
    } catch (failure) {
      notify(failure instanceof Error && !(failure instanceof RequestError) ? failure.message : describeFailure(failure), 'error');
    }
  }

  const entries = listing ? sortEntries(listing.entries, order) : [];
  const chosen = entries.filter((entry) => selected.has(entry.id));
  const files = entries.filter((entry) => entry.__typename === 'File');

  function toggle(entry: Entry, range: boolean) {
    const next = new Set(selected);
    if (range && anchor.current) {
      const from = entries.findIndex((one) => one.id === anchor.current);
      const to = entries.findIndex((one) => one.id === entry.id);
      if (from >= 0 && to >= 0) {
        for (const one of entries.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(one.id);
        setSelected(next);
        return;
      }
    }
    if (next.has(entry.id)) next.delete(entry.id);
    else next.add(entry.id);
    anchor.current = entry.id;
    setSelected(next);
  }

  /** Rows dropped onto a folder's row move into it; refusals read as the Move dialog's do. */
  async function dropInto(targetId: string, targetPath: string, ids: string[]) {
    const moving = ids.map((id) => entries.find((one) => one.id === id)).filter((one): one is Entry => !!one);
    if (moving.length === 0) return;
    const { message, failures } = await transfer('Move', moving, targetId, null, targetPath);
    if (message) {
      notify(message);
      setSelected(new Set());
      changed();
    }
    if (failures.length > 0) notify(failures.join(' '), 'error');
  }

  /** Rows dropped onto a crumb: into that folder, found by its path. */
  async function dropIntoPath(at: string, ids: string[]) {
    try {
      const found = (await request(EntryNameQuery, { path: at })).entry;
      if (found?.__typename !== 'Folder') {
        notify(`There is no folder ${at}.`, 'error');
        return;
      }
      await dropInto(found.id, at, ids);
    } catch (failure) {
      notify(describeFailure(failure), 'error');
    }
  }

  function open(entry: Entry) {
    if (entry.__typename === 'Folder') navigate(browseUrl(entry.path));
    else setPreviewing(files.findIndex((one) => one.id === entry.id));
  }

  useEffect(() => {
    const keys = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const one = chosen.length === 1 ? chosen[0] : null;
      if (event.key === '/') document.getElementById('search')?.focus();
      else if (event.key === '?') setHelp(true);
      else if (event.key === 'Escape' && chosen.length > 0) setSelected(new Set());
      else if (event.key === 'Delete' && chosen.length > 0) {
        setSelected(new Set());
        void removeEntries(chosen, changed);
      } else if (event.key === 'F2' && one) act('Rename', one);
      else if (event.key === 'Enter' && one && !(event.target as HTMLElement | null)?.closest?.('a, button')) open(one);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', keys);
    return () => document.removeEventListener('keydown', keys);
  });

  const name = path === '/' ? 'All files' : path.split('/').pop();
  // A Viewer's folder: the server would refuse uploads and new folders, so the buttons are off
  // and the shared bar says why. A drop still goes to the server, which answers in words.
  const writable = canWriteInside(listing?.shared);
  return (
    <div
      class={dragging ? 'browser dropping' : 'browser'}
      onDragOver={(event) => {
        if (!event.dataTransfer?.types.includes('Files') || !listing) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        // Read now: what was dropped is out of reach once this handler returns.
        const dropped = Array.from(event.dataTransfer?.files ?? []);
        const folders = placedFromDrop(event.dataTransfer?.items);
        void folders.then((placed) => (placed ? addPlaced(placed) : addFiles(dropped)));
      }}
    >
      <Breadcrumb path={path} onDropInto={(at, ids) => void dropIntoPath(at, ids)} />
      <div class="toolbar">
        <h1>{name}</h1>
        <div class="toolbar-actions">
          <label for="upload-files" class="visually-hidden">
            Upload files
          </label>
          <input
            id="upload-files"
            ref={fileInput}
            type="file"
            multiple
            class="visually-hidden"
            tabIndex={-1}
            disabled={!listing}
            onChange={(event) => {
              const input = event.currentTarget;
              if (input.files && input.files.length > 0) void addFiles(Array.from(input.files));
              input.value = '';
            }}
          />
          <button
            type="button"
            class="primary"
            disabled={!listing || !writable}
            aria-describedby={writable ? undefined : 'shared-role'}
            onClick={() => fileInput.current?.click()}
          >
            <span class="i i-upload" aria-hidden="true" />
            Upload
          </button>
          <label for="upload-folder" class="visually-hidden">
            Upload a folder
          </label>
          <input
            id="upload-folder"
            ref={folderInput}
            type="file"
            class="visually-hidden"
            tabIndex={-1}
            disabled={!listing}
            {...{ webkitdirectory: true }}
            onChange={(event) => {
              const input = event.currentTarget;
              if (input.files && input.files.length > 0) void addPlaced(placedFromInput(input.files));
              input.value = '';
            }}
          />
          <button
            type="button"
            disabled={!listing || !writable}
            aria-describedby={writable ? undefined : 'shared-role'}
            onClick={() => folderInput.current?.click()}
          >
            <span class="i i-upload" aria-hidden="true" />
            Upload folder
          </button>
          <button
            type="button"
            disabled={!listing || !writable}
            aria-describedby={writable ? undefined : 'shared-role'}
            onClick={() => setCreating(true)}
          >
            <span class="i i-folder-plus" aria-hidden="true" />
            New folder
          </button>
          <button type="button" class="shortcut-help" aria-label="Keyboard shortcuts" onClick={() => setHelp(true)}>
            ?
          </button>
        </div>
      </div>
      {listing?.shared && <SharedBar shared={listing.shared} />}
      <Uploads items={uploads} queue={queue} />
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {missing && <p class="empty">There is no folder {path}. It may have been moved or deleted.</p>}
      {chosen.length > 0 && (
        <div class="bulk-bar" role="region" aria-label="Selection">
          <span class="bulk-count">{chosen.length} selected</span>
          <div class="bulk-actions">
            <button
              type="button"
              onClick={() => {
                // Each file as itself, each folder as a zip.
                for (const entry of chosen) void download(entry);
              }}
            >
              <span class="i i-download" aria-hidden="true" />
              Download
            </button>
            <button type="button" onClick={() => setBulk('Move')}>
              <span class="i i-move" aria-hidden="true" />
              Move
            </button>
            <button type="button" onClick={() => setBulk('Copy')}>
              <span class="i i-copy" aria-hidden="true" />
              Copy
            </button>
            <button
              type="button"
              class="danger-text"
              onClick={() => {
                setSelected(new Set());
                void removeEntries(chosen, changed);
              }}
            >
              <span class="i i-delete" aria-hidden="true" />
              Delete
            </button>
            <button type="button" class="link-button" onClick={() => setSelected(new Set())}>
              Clear
            </button>
          </div>
        </div>
      )}
      {listing && (
        <>
          <EntryTable
            caption={`Contents of ${name}`}
            entries={entries}
            actions={buttons}
            onOpen={open}
            sort={order}
            onSort={(key) => setOrder(nextOrder(order, key))}
            onDropInto={(target, ids) => void dropInto(target.id, target.path, ids)}
            selection={{
              selected,
              toggle,
              toggleAll: () =>
                setSelected(chosen.length === entries.length ? new Set() : new Set(entries.map((entry) => entry.id))),
            }}
            empty={
              <>
                <span class="icon icon-drop" aria-hidden="true" />
                <p>This folder is empty.</p>
                <p class="muted">
                  {writable ? 'Drop files here, or use Upload.' : 'Only its owner and editors can add files here.'}
                </p>
              </>
            }
          />
          <p class="muted small listing-foot">
            {listing.entries.length < listing.totalCount
              ? `Showing ${listing.entries.length} of ${listing.totalCount} items.`
              : `${listing.totalCount} item${listing.totalCount === 1 ? '' : 's'}.`}{' '}
            {writable && <span class="wide-only">Drop files anywhere here to upload them.</span>}
          </p>
          {listing.hasNextPage && (
            <button type="button" onClick={() => void loadMore(list)}>
              Load more
            </button>
          )}
        </>
      )}
      {creating && (
        <NameDialog
          title="New folder"
          action="Create"
          initial=""
          onClose={() => setCreating(false)}
          onSubmit={async (folderName) => {
            try {
              const result = (
                await request(CreateFolderMutation, { parentId: listing?.folderId ?? null, name: folderName.trim() })
              ).createFolder;
              if (result.__typename === 'Folder') {
                written(result);
                afterWrite();
                notify(`Created “${result.name}”.`);
                return null;
              }
              return describeError(result);
            } catch (failure) {
              return describeFailure(failure);
            }
          }}
        />
      )}
      {clash && (
        <Dialog
          title={
            clash.taken.length === 1
              ? `“${clash.taken[0]}” is already here`
              : `${clash.taken.length} files are already here`
          }
          onClose={() => setClash(null)}
        >
          <p>
            Replace keeps one file and adds your upload as its newest version (the old one stays under Versions).
            Keep both adds your upload under a new name.
          </p>
          <div class="dialog-actions">
            <button type="button" onClick={() => setClash(null)}>
              Cancel
            </button>
            <button
              type="button"
              onClick={() => {
                queue.add(clash.files, { parentId: clash.parentId, path: clash.path, replace: false });
                setClash(null);
              }}
            >
              Keep both
            </button>
            <button
              type="button"
              class="primary"
              autoFocus
              onClick={() => {
                const taken = new Set(clash.taken);
                const fresh = clash.files.filter((file) => !taken.has(file.name));
                if (fresh.length > 0) queue.add(fresh, { parentId: clash.parentId, path: clash.path, replace: false });
                queue.add(
                  clash.files.filter((file) => taken.has(file.name)),
                  { parentId: clash.parentId, path: clash.path, replace: true },
                );
                setClash(null);
              }}
            >
              Replace
            </button>
          </div>
        </Dialog>
      )}
      {bulk && (
        <MoveCopyDialog
          kind={bulk}
          entries={chosen}
          onClose={() => setBulk(null)}
          onDone={(message) => {
            notify(message);
            setSelected(new Set());
            changed();
          }}
        />
      )}
      {previewing !== null && files[previewing] && (
        <Preview files={files} index={previewing} onIndex={setPreviewing} onClose={() => setPreviewing(null)} />
      )}
      {help && (
        <Dialog title="Keyboard shortcuts" onClose={() => setHelp(false)}>
          <dl class="shortcuts">
            {SHORTCUTS.map(([key, what]) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <div class="dialog-actions">
            <button type="button" class="primary" onClick={() => setHelp(false)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
      {dialog}
    </div>
  );
}
