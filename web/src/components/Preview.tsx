import { useEffect, useState } from 'preact/hooks';
import { send } from '../api/client';
import { DownloadUrlQuery } from '../api/operations';
import { describeFailure } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { decodeStart, previewKind, TEXT_PREVIEW_BYTES } from '../lib/preview';
import { Dialog } from './Dialog';
import { download } from './entryActions';
import type { Entry } from './EntryTable';

interface Props {
  /** The folder's files in the order shown: arrow keys step through them. */
  files: Entry[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
}

type Loaded = { url: string; text?: string; truncated?: boolean } | { error: string };

/** A file shown in a dialog named after it: images, PDF, the start of text, audio and video. */
export function Preview({ files, index, onIndex, onClose }: Props) {
  const entry = files[index];
  const kind = previewKind(entry.name, entry.__typename === 'File' ? entry.mimeType : null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoaded(null);
    (async () => {
      const found = (await send(DownloadUrlQuery, { id: entry.id }, abort.signal)).entry;
      if (!found || !('downloadUrl' in found)) throw new Error(`“${entry.name}” is gone.`);
      const url = found.downloadUrl;
      if (kind !== 'text') return { url };
      // The first MiB only: a large log is not loaded whole to be shown.
      const response = await fetch(url, {
        headers: { Range: `bytes=0-${TEXT_PREVIEW_BYTES - 1}` },
        signal: abort.signal,
      });
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
      const bytes = new Uint8Array(await response.arrayBuffer()).slice(0, TEXT_PREVIEW_BYTES);
      const size = entry.__typename === 'File' ? entry.size : bytes.length;
      const truncated = size > bytes.length;
      return { url, text: decodeStart(bytes, truncated), truncated };
    })()
      .then((result) => setLoaded(result))
      .catch((failure: unknown) => {
        if (!abort.signal.aborted) setLoaded({ error: describeFailure(failure) });
      });
    return () => abort.abort();
  }, [entry.id, entry.name, entry, kind]);

  useEffect(() => {
    const step = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('audio, video')) return; // their own seeking keys
      if (event.key === 'ArrowRight' && index < files.length - 1) onIndex(index + 1);
      else if (event.key === 'ArrowLeft' && index > 0) onIndex(index - 1);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', step);
    return () => document.removeEventListener('keydown', step);
  }, [index, files.length, onIndex]);

  let body;
  if (loaded === null) body = <p class="muted">Loading…</p>;
  else if ('error' in loaded)
    body = (
      <p role="alert" class="form-error">
        {loaded.error}
      </p>
    );
  else if (kind === 'image') body = <img class="preview-media" src={loaded.url} alt={entry.name} />;
  else if (kind === 'pdf')
    body = <iframe class="preview-frame" src={`${loaded.url}&inline=1`} title={entry.name} />;
  else if (kind === 'audio') body = <audio class="preview-media" src={loaded.url} controls aria-label={entry.name} />;
  else if (kind === 'video') body = <video class="preview-media" src={loaded.url} controls aria-label={entry.name} />;
  else if (kind === 'text')
    body = (
      <>
        {/* Text nodes: whatever the file holds is shown, never run. */}
        <pre class="preview-text" tabIndex={0} aria-label={`Text of ${entry.name}`}>
          {loaded.text}
        </pre>
        {loaded.truncated && <p class="muted small">The first 1 MiB is shown: download the file for the rest.</p>}
      </>
    );
  else body = <p class="muted">No preview for this kind of file. Download it to open it.</p>;

  return (
    <Dialog title={entry.name} onClose={onClose} wide>
      <div class="preview" key={entry.id}>
        {body}
      </div>
      <div class="dialog-actions preview-actions">
        <span class="muted small preview-count">
          {files.length > 1 && `${index + 1} of ${files.length} · `}
          {entry.__typename === 'File' && formatBytes(entry.size)}
        </span>
        <button type="button" aria-label="Previous file" disabled={index === 0} onClick={() => onIndex(index - 1)}>
          ‹
        </button>
        <button
          type="button"
          aria-label="Next file"
          disabled={index >= files.length - 1}
          onClick={() => onIndex(index + 1)}
        >
          ›
        </button>
        <button type="button" onClick={() => void download(entry)}>
          Download
        </button>
        <button type="button" class="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
