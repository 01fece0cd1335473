import { useState } from 'preact/hooks';
import { request } from '../api/client';
import { DeleteEntryMutation, DownloadUrlQuery, RenameEntryMutation } from '../api/operations';
import { describeError, describeFailure } from '../lib/errors';
import type { Entry } from './EntryTable';
import { MoveCopyDialog } from './MoveCopyDialog';
import { NameDialog } from './NameDialog';
import { notify } from './Notice';
import { ShareDialog } from './ShareDialog';
import { VersionsDialog } from './VersionsDialog';

type Open =
  | { kind: 'Rename' | 'Move' | 'Copy' | 'Share' | 'Versions'; entry: Entry }
  | null;

export const CHANGED_EVENT = 'dropbox-lite:changed';

/** Something changed on the server: listings and the usage meter reload. */
export function announceChange(): void {
  window.dispatchEvent(new Event(CHANGED_EVENT));
}

export async function download(entry: Entry): Promise<void> {
  try {
    const found = (await request(DownloadUrlQuery, { id: entry.id })).entry;
    if (!found || !('downloadUrl' in found)) {
      notify(`“${entry.name}” is not a file.`, 'error');
      return;
    }
    // A signed, short-lived URL: the browser downloads it (Content-Disposition:
    // attachment) without the token ever being in a URL.
    const anchor = document.createElement('a');
    anchor.href = found.downloadUrl;
    anchor.download = entry.name;
    anchor.rel = 'noopener';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } catch (failure) {
    notify(describeFailure(failure), 'error');
  }
}

/** The per-entry buttons and the dialogs they open. */
export function useEntryActions(reload: () => void) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const changed = () => {
    reload();
    announceChange();
  };

  async function remove(entry: Entry) {
    try {
      const result = (await request(DeleteEntryMutation, { id: entry.id })).deleteEntry;
      if (result.__typename === 'File' || result.__typename === 'Folder') {
        notify(`Moved “${entry.name}” to the trash.`);
        changed();
      } else {
        notify(describeError(result), 'error');
      }
    } catch (failure) {
      notify(describeFailure(failure), 'error');
    }
  }

  const buttons = (entry: Entry) => {
    const file = entry.__typename === 'File';
    const label = (action: string) => `${action} ${entry.name}`;
    return (
      <div class="row-actions" role="group" aria-label={`Actions for ${entry.name}`}>
        {file && (
          <button type="button" title={label('Download')} onClick={() => void download(entry)}>
            Download
          </button>
        )}
        <button type="button" title={label('Share')} onClick={() => setOpen({ kind: 'Share', entry })}>
          Share
        </button>
        <button type="button" title={label('Rename')} onClick={() => setOpen({ kind: 'Rename', entry })}>
          Rename
        </button>
        <button type="button" title={label('Move')} onClick={() => setOpen({ kind: 'Move', entry })}>
          Move
        </button>
        <button type="button" title={label('Copy')} onClick={() => setOpen({ kind: 'Copy', entry })}>
          Copy
        </button>
        {file && (
          <button type="button" title={label('Versions')} onClick={() => setOpen({ kind: 'Versions', entry })}>
            Versions
          </button>
        )}
        <button type="button" class="danger-text" title={label('Delete')} onClick={() => void remove(entry)}>
          Delete
        </button>
      </div>
    );
  };

  let dialog = null;
  if (open?.kind === 'Rename') {
    const entry = open.entry;
    dialog = (
      <NameDialog
        title={`Rename “${entry.name}”`}
        action="Rename"
        initial={entry.name}
        onClose={close}
        onSubmit={async (name) => {
          try {
            const result = (await request(RenameEntryMutation, { id: entry.id, name: name.trim() })).renameEntry;
            if (result.__typename === 'File' || result.__typename === 'Folder') {
              notify(`Renamed to “${result.name}”.`);
              changed();
              return null;
            }
            return describeError(result);
          } catch (failure) {
            return describeFailure(failure);
          }
        }}
      />
    );
  } else if (open?.kind === 'Move' || open?.kind === 'Copy') {
    dialog = (
      <MoveCopyDialog
        kind={open.kind}
        entry={open.entry}
        onClose={close}
        onDone={(message) => {
          notify(message);
          changed();
        }}
      />
    );
  } else if (open?.kind === 'Share') {
    dialog = <ShareDialog entry={open.entry} onClose={close} />;
  } else if (open?.kind === 'Versions') {
    dialog = <VersionsDialog entry={open.entry} onClose={close} onChanged={changed} />;
  }
  return { buttons, dialog };
}
