import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { request, upload } from '../api/client';
import { SharedLinkQuery, UploadToShareLinkMutation } from '../api/operations';
import type { ComponentChildren, RefObject } from 'preact';
import type { SharedLinkQuery as SharedLinkResult } from '../gql/graphql';
import { describeError, describeFailure } from '../lib/errors';
import { formatBytes, formatDate } from '../lib/format';
import { splitPath } from '../lib/paths';
import { linkClick } from '../lib/router';
import { UploadQueue, type UploadItem } from '../lib/uploads';
import { EntryIcon, sameOrigin } from './EntryTable';
import { Uploads } from './Uploads';

type Shared = Extract<SharedLinkResult['sharedLink'], { __typename: 'SharedEntry' }>;

/** A signed share download URL that the server answers with bytes, not this page. */
export function downloadHref(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}dl=1`;
}

export function shareUrl(token: string, path: string): string {
  const parts = splitPath(path);
  const base = `/s/${token}`;
  return parts.length === 0 ? base : `${base}?path=${encodeURIComponent(parts.join('/'))}`;
}

export function SharePage({ token, path }: { token: string; path: string }) {
  const [entry, setEntry] = useState<Shared | null>(null);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [version, setVersion] = useState(0);
  const [rootName, setRootName] = useState<string | null>(null);
  // An upload-only link: the names the files were stored under (a taken name is renamed).
  const [uploaded, setUploaded] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const secret = useRef<string | null>(null);

  async function load(withPassword: string | null) {
    setLoading(true);
    try {
      const result = (await request(SharedLinkQuery, { token, password: withPassword, path: path || null })).sharedLink;
      if (result.__typename === 'SharedEntry') {
        setEntry(result);
        if (splitPath(result.path).length === 0) setRootName(result.name);
        setNeedsPassword(false);
        setPassword(withPassword);
        secret.current = withPassword;
        setError(null);
        document.title = `${result.name || 'Shared folder'} · dropbox-lite`;
      } else if (result.__typename === 'PasswordRequiredError' || result.__typename === 'WrongPasswordError') {
        setNeedsPassword(true);
        setEntry(null);
        setError(result.__typename === 'WrongPasswordError' ? describeError(result) : null);
      } else {
        setEntry(null);
        setNeedsPassword(false);
        setError(describeError(result));
      }
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => {
    void load(password);
  }, [token, path, version]);

  const queue = useMemo(
    () =>
      new UploadQueue<null>(
        (file, _target, onProgress) => {
          const handle = upload(UploadToShareLinkMutation, { token, password: secret.current }, file, onProgress);
          return {
            cancel: handle.cancel,
            promise: handle.promise.then((data) => {
              const result = data.uploadToShareLink;
              if (result.__typename !== 'File') return describeError(result);
              setUploaded((names) => [...names, result.name]);
              return null;
            }),
          };
        },
        3,
        () => setVersion((value) => value + 1),
      ),
    [token],
  );
  useEffect(() => queue.subscribe(setUploads), [queue]);
  const addFiles = (files: File[]) => queue.add(files, null);

  const crumbs = splitPath(entry?.path ?? path);
  return (
    <div class="share-page">
      <header class="topbar">
        <span class="brand">
          <span class="brand-mark" aria-hidden="true" /> dropbox-lite
        </span>
        <span class="muted">Shared with you</span>
      </header>
      <main class="share-main">
        {loading && !entry && !needsPassword && !error && <p class="muted">Opening the link…</p>}
        {needsPassword && (
          <form
            class="share-card"
            onSubmit={(event) => {
              event.preventDefault();
              void load(typed);
            }}
          >
            <h1>This link is protected</h1>
            <p class="muted">Enter the password you were given to open it.</p>
            <label for="share-open-password">Password</label>
            <input
              id="share-open-password"
              type="password"
              autocomplete="off"
              required
              value={typed}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
            {error && (
              <p role="alert" class="form-error">
                {error}
              </p>
            )}
            <button type="submit" class="primary">
              Open
            </button>
          </form>
        )}
        {!needsPassword && !entry && error && (
          <div class="share-card">
            <h1>This link does not open</h1>
            <p role="alert">{error}</p>
          </div>
        )}
        {entry && !entry.isFolder && (
          <div class="share-card">
            {entry.thumbnailUrl ? (
              <img class="share-thumb" src={sameOrigin(entry.thumbnailUrl)} alt={`Preview of ${entry.name}`} />
            ) : (
              <EntryIcon folder={false} />
            )}
            <h1>{entry.name}</h1>
            <p class="muted">
              {formatBytes(entry.size ?? 0)} · modified {formatDate(entry.modifiedAt)}
              {entry.expiresAt && ` · link expires ${formatDate(entry.expiresAt)}`}
            </p>
            {entry.downloadUrl && (
              <a class="button-link primary" href={downloadHref(entry.downloadUrl)} download={entry.name}>
                Download
              </a>
            )}
          </div>
        )}
        {entry && entry.isFolder && entry.access === 'UPLOAD_ONLY' && (
          <div class="share-card share-upload">
            <EntryIcon folder />
            <h1>Upload files</h1>
            <p class="muted">
              Files you add here go to {entry.name ? `“${entry.name}”` : 'this folder'}. You see only what you upload
              yourself.
              {entry.expiresAt && ` The link works until ${formatDate(entry.expiresAt)}.`}
            </p>
            <FileInput inputRef={fileInput} onFiles={addFiles} />
            <DropZone onFiles={addFiles}>
              <p>Drop files here, or</p>
              <button type="button" class="primary" onClick={() => fileInput.current?.click()}>
                Choose files
              </button>
            </DropZone>
            <Uploads items={uploads} queue={queue} />
            {uploaded.length > 0 && (
              <ul class="uploaded-list" aria-label="Uploaded files">
                {uploaded.map((name, index) => (
                  <li key={`${index}-${name}`}>Uploaded: {name}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {entry && entry.isFolder && entry.access !== 'UPLOAD_ONLY' && (
          <div class="share-folder">
            <nav aria-label="Breadcrumb" class="breadcrumb">
              <ol>
                {[
                  { name: rootName ?? 'Shared folder', at: '/' },
                  ...crumbs.map((name, index) => ({ name, at: crumbs.slice(0, index + 1).join('/') })),
                ].map(
                  (crumb, index, all) => (
                    <li key={crumb.at}>
                      {index === all.length - 1 ? (
                        <span aria-current="page">{crumb.name}</span>
                      ) : (
                        <a href={shareUrl(token, crumb.at)} onClick={linkClick}>
                          {crumb.name}
                        </a>
                      )}
                    </li>
                  ),
                )}
              </ol>
            </nav>
            <div class="toolbar">
              <h1>{entry.name}</h1>
              {(entry.zipUrl || entry.access === 'EDITOR') && (
                <div class="toolbar-actions">
                  {entry.zipUrl && (
                    <a class="button-link" href={entry.zipUrl} download={`${entry.name}.zip`}>
                      Download zip
                    </a>
                  )}
                  {entry.access === 'EDITOR' && (
                    <>
                      <FileInput inputRef={fileInput} onFiles={addFiles} />
                      <button type="button" class="primary" onClick={() => fileInput.current?.click()}>
                        Upload
                      </button>
                    </>
                  )}
                </div>
              )}
            </div>
            {entry.access === 'EDITOR' && (
              <DropZone onFiles={addFiles}>
                You can add files to this folder: drop them here or use Upload.
              </DropZone>
            )}
            <Uploads items={uploads} queue={queue} />
            {entry.children && entry.children.items.length > 0 ? (
              <table class="entries">
                <caption class="visually-hidden">Contents of {entry.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
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
                  {entry.children.items.map((child) => (
                    <tr key={child.path} data-entry={child.name}>
                      <th scope="row" class="name">
                        <span class="name-line">
                          <EntryIcon folder={child.isFolder} thumbnail={child.thumbnailUrl} />
                        {child.isFolder ? (
                          <a href={shareUrl(token, child.path)} onClick={linkClick}>
                            {child.name}
                          </a>
                        ) : (
                          <span>{child.name}</span>
                        )}
                        </span>
                      </th>
                      <td class="num muted">{child.isFolder ? '—' : formatBytes(child.size ?? 0)}</td>
                      <td class="muted">{formatDate(child.modifiedAt)}</td>
                      <td class="actions">
                        {child.downloadUrl && (
                          <a class="button-link" href={downloadHref(child.downloadUrl)} download={child.name}>
                            Download
                          </a>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="empty">This folder is empty.</p>
            )}
            {entry.children?.hasMore && <p class="muted small">Only the first 100 items are shown.</p>}
          </div>
        )}
      </main>
    </div>
  );
}

/** The hidden file input behind "Choose files" and "Upload" (one per page). */
function FileInput({ inputRef, onFiles }: { inputRef: RefObject<HTMLInputElement | null>; onFiles: (files: File[]) => void }) {
  return (
    <>
      <label for="share-upload" class="visually-hidden">
        Upload files
      </label>
      <input
        id="share-upload"
        ref={inputRef}
        type="file"
        multiple
        class="visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          const input = event.currentTarget;
          if (input.files && input.files.length > 0) onFiles(Array.from(input.files));
          input.value = '';
        }}
      />
    </>
  );
}

/** An area files can be dropped onto. */
function DropZone({ onFiles, children }: { onFiles: (files: File[]) => void; children: ComponentChildren }) {
  return (
    <div
      class="dropzone"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        const files = event.dataTransfer?.files;
        if (files && files.length > 0) onFiles(Array.from(files));
      }}
    >
      {children}
    </div>
  );
}
