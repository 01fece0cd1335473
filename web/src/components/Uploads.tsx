import { formatBytes, percent } from '../lib/format';
import type { UploadItem, UploadQueue } from '../lib/uploads';

const STATUS: Record<UploadItem['status'], string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  done: 'Uploaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** One progress bar per upload, with Cancel while it runs. */
export function Uploads({ items, queue }: { items: UploadItem[]; queue: Pick<UploadQueue<unknown>, 'cancel' | 'clearFinished'> }) {
  if (items.length === 0) return null;
  const finished = items.every((item) => item.status !== 'queued' && item.status !== 'uploading');
  return (
    <section class="uploads" aria-label="Uploads">
      <div class="uploads-head">
        <h2>Uploads</h2>
        {finished && (
          <button type="button" class="link-button" onClick={() => queue.clearFinished()}>
            Clear
          </button>
        )}
      </div>
      <ul>
        {items.map((item) => {
          const value = item.status === 'done' ? 100 : percent(item.loaded, item.total);
          return (
            <li key={item.id} class={`upload upload-${item.status}`}>
              <div class="upload-line">
                <span class="upload-name">{item.name}</span>
                <span class="muted small">
                  {item.status === 'failed' || item.status === 'cancelled'
                    ? item.message
                    : `${STATUS[item.status]} · ${formatBytes(item.loaded)} of ${formatBytes(item.total)}`}
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
