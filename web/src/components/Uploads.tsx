import { useEffect, useState } from 'preact/hooks';
import { formatBytes } from '../lib/format';
import { progressLine, progressPercent, type UploadItem, type UploadQueue } from '../lib/uploads';

const STATUS: Record<UploadItem['status'], string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  done: 'Uploaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** "3 uploads done", "2 uploaded, 1 cancelled": the collapsed panel's line. */
export function summarize(items: UploadItem[]): string {
  const count = (status: UploadItem['status']) => items.filter((item) => item.status === status).length;
  const done = count('done');
  const parts = [`${done} upload${done === 1 ? '' : 's'} done`];
  const cancelled = count('cancelled');
  if (cancelled > 0) parts.push(`${cancelled} cancelled`);
  return parts.join(', ');
}

/**
 * One progress bar per upload, with Cancel while it runs and the folder it goes to.
 * When every upload is over and none failed, the panel folds into one line (Show opens it).
 */
export function Uploads({ items, queue }: { items: UploadItem[]; queue: Pick<UploadQueue<unknown>, 'cancel' | 'clearFinished'> }) {
  const finished = items.every((item) => item.status !== 'queued' && item.status !== 'uploading');
  const failed = items.some((item) => item.status === 'failed');
  const settled = items.length > 0 && finished && !failed;
  const [open, setOpen] = useState(!settled);
  // Folds when the last one is done, opens again when new uploads start.
  useEffect(() => setOpen(!settled), [settled]);
  if (items.length === 0) return null;
  return (
    <section class="uploads" aria-label="Uploads">
      <div class="uploads-head">
        <h2>Uploads</h2>
        {!open && <span class="muted small uploads-summary">{summarize(items)}</span>}
        <span class="uploads-buttons">
          {finished && (
            <button type="button" class="link-button" aria-expanded={open} aria-controls="upload-list" onClick={() => setOpen(!open)}>
              {open ? 'Hide' : 'Show'}
            </button>
          )}
          {finished && (
            <button type="button" class="link-button" onClick={() => queue.clearFinished()}>
              Clear
            </button>
          )}
        </span>
      </div>
      <ul id="upload-list" hidden={!open}>
        {items.map((item) => {
          // A resumed upload's bar counts only the bytes sent now, over those it had left.
          const value = progressPercent(item);
          return (
            <li key={item.id} class={`upload upload-${item.status}`}>
              <div class="upload-line">
                <span class="upload-name">{item.name}</span>
                <span class="muted small">
                  {item.status === 'failed' || item.status === 'cancelled'
                    ? item.message
                    : progressLine(item, formatBytes, STATUS[item.status])}
                </span>
                {(item.status === 'queued' || item.status === 'uploading') && (
                  <button
                    type="button"
                    class="link-button"
                    aria-label={`Cancel upload of ${item.name}`}
                    onClick={() => queue.cancel(item.id)}
                  >
                    Cancel
                  </button>
                )}
              </div>
              {item.destination && <div class="muted small upload-where">to {item.destination}</div>}
              <progress max={100} value={value} aria-label={`Upload of ${item.name}`}>
                {value}%
              </progress>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
