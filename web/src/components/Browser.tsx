import { useEffect, useRef, useState } from 'preact/hooks';
import { request, upload } from '../api/client';
import { CreateFolderMutation, FolderByPathQuery, RootFolderQuery, UploadFileMutation } from '../api/operations';
import { describeError, describeFailure } from '../lib/errors';
import { breadcrumb, browseUrl } from '../lib/paths';
import { linkClick } from '../lib/router';
import { canWriteInside, type Shared } from '../lib/sharing';
import { UploadQueue, type UploadItem } from '../lib/uploads';
import { announceChange, CHANGED_EVENT, useEntryActions } from './entryActions';
import { type Entry, EntryTable } from './EntryTable';
import { NameDialog } from './NameDialog';
import { notify } from './Notice';
import { SharedBar } from './SharedBar';
import { Uploads } from './Uploads';

export const PAGE_SIZE = 100;
/** Set when the first listing is on screen: the main screen's time to first render. */
export const LISTED_MARK = 'dropbox-lite:first-listing';

interface Listing {
  path: string;
  folderId: string;
  shared: Shared | null;
  entries: Entry[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

// One queue for the whole app, so that uploads go on (and stay listed) while you
// look at another folder, the trash or your devices.
const queue = new UploadQueue<string | null>(
  (file, parentId, onProgress) => {
    const handle = upload(UploadFileMutation, { parentId }, file, onProgress);
    return {
      cancel: handle.cancel,
      promise: handle.promise.then((data) =>
        data.uploadFile.__typename === 'File' ? null : describeError(data.uploadFile),
      ),
    };
  },
  3,
  announceChange,
);

async function fetchPage(path: string, after: string | null): Promise<Listing | null> {
  const page =
    path === '/'
      ? (await request(RootFolderQuery, { first: PAGE_SIZE, after })).folder
      : (await request(FolderByPathQuery, { path, first: PAGE_SIZE, after })).entry;
  if (!page || page.__typename !== 'Folder') return null;
  return {
    path,
    folderId: page.id,
    shared: page.shared ?? null,
    entries: page.children.edges.map((edge) => edge.node),
    totalCount: page.children.totalCount,
    endCursor: page.children.pageInfo.endCursor,
    hasNextPage: page.children.pageInfo.hasNextPage,
  };
}

export function Breadcrumb({ path }: { path: string }) {
  const crumbs = breadcrumb(path);
  return (
    <nav aria-label="Breadcrumb" class="breadcrumb">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.path}>
            {index === crumbs.length - 1 ? (
              <span aria-current="page">{crumb.name}</span>
            ) : (
              <a href={browseUrl(crumb.path)} onClick={linkClick}>
                {crumb.name}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function Browser({ path }: { path: string }) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderId = useRef<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((value) => value + 1);

  useEffect(() => {
    setUploads(queue.items);
    return queue.subscribe(setUploads);
  }, []);

  useEffect(() => {
    if (listing?.path !== path) {
      // Until the new folder's listing is in, uploads have no folder to go to.
      folderId.current = null;
      setListing(null);
    }
    let live = true;
    fetchPage(path, null)
      .then((page) => {
        if (!live) return;
        setMissing(page === null);
        setListing(page);
        if (performance.getEntriesByName(LISTED_MARK).length === 0) performance.mark(LISTED_MARK);
        folderId.current = page?.folderId ?? null;
        setError(null);
      })
      .catch((failure) => live && setError(describeFailure(failure)));
    return () => {
      live = false;
    };
  }, [path, version]);

  useEffect(() => {
    window.addEventListener(CHANGED_EVENT, reload);
    return () => window.removeEventListener(CHANGED_EVENT, reload);
  }, []);

  const { buttons, dialog } = useEntryActions(reload);

  async function loadMore() {
    if (!listing?.endCursor) return;
    try {
      const next = await fetchPage(path, listing.endCursor);
      if (next) setListing({ ...next, entries: [...listing.entries, ...next.entries] });
    } catch (failure) {
      notify(describeFailure(failure), 'error');
    }
  }

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
        const files = event.dataTransfer?.files;
        if (files && files.length > 0 && folderId.current) queue.add(Array.from(files), folderId.current);
      }}
    >
      <Breadcrumb path={path} />
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
              if (input.files && input.files.length > 0 && folderId.current) {
                queue.add(Array.from(input.files), folderId.current);
              }
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
            Upload
          </button>
          <button
            type="button"
            disabled={!listing || !writable}
            aria-describedby={writable ? undefined : 'shared-role'}
            onClick={() => setCreating(true)}
          >
            New folder
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
      {listing && (
        <>
          <EntryTable
            caption={`Contents of ${name}`}
            entries={listing.entries}
            actions={buttons}
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
            {writable && 'Drop files anywhere here to upload them.'}
          </p>
          {listing.hasNextPage && (
            <button type="button" onClick={() => void loadMore()}>
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
                await request(CreateFolderMutation, { parentId: folderId.current, name: folderName.trim() })
              ).createFolder;
              if (result.__typename === 'Folder') {
                notify(`Created “${result.name}”.`);
                reload();
                return null;
              }
              return describeError(result);
            } catch (failure) {
              return describeFailure(failure);
            }
          }}
        />
      )}
      {dialog}
    </div>
  );
}
