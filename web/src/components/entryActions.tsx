import { useState } from 'preact/hooks';
import { request } from '../api/client';
import {
  DeleteEntryMutation,
  DownloadUrlQuery,
  LeaveFolderMutation,
  RenameEntryMutation,
  RestoreEntryMutation,
  ZipUrlQuery,
} from '../api/operations';
import { describeError, describeFailure } from '../lib/errors';
import { refreshDerived, written } from '../lib/lists';
import { invalidate } from '../lib/store';
import { pathFromUrl } from '../lib/paths';
import { navigate } from '../lib/router';
import { canChange, hasPeople, isMount } from '../lib/sharing';
import { ConfirmDialog } from './ConfirmDialog';
import type { Entry } from './EntryTable';
import { MoveCopyDialog } from './MoveCopyDialog';
import { NameDialog } from './NameDialog';
import { notify } from './Notice';
import { PeopleDialog } from './PeopleDialog';
import { type RowAction, RowActions } from './RowActions';
import { ShareDialog } from './ShareDialog';
import { VersionsDialog } from './VersionsDialog';

export type OpenKind = 'Rename' | 'Move' | 'Copy' | 'Share' | 'Versions' | 'People' | 'Leave';
type Open = { kind: OpenKind; entry: Entry } | null;

export const CHANGED_EVENT = 'dropbox-lite:changed';

/** Something changed on the server that the store cannot tell: shown lists and the usage meter reload. */
export function announceChange(): void {
  invalidate();
  window.dispatchEvent(new Event(CHANGED_EVENT));
}

/**
 * After a write whose result went into the store (folders follow by themselves): the
 * trash, search results and the usage meter are asked again.
 */
export function afterWrite(): void {
  refreshDerived();
  window.dispatchEvent(new Event(CHANGED_EVENT));
}

async function signedUrl(entry: Entry): Promise<string | null> {
  if (entry.__typename === 'Folder') {
    const found = (await request(ZipUrlQuery, { id: entry.id })).entry;
    return found && 'zipUrl' in found ? found.zipUrl : null;
  }
  const found = (await request(DownloadUrlQuery, { id: entry.id })).entry;
  return found && 'downloadUrl' in found ? found.downloadUrl : null;
}

/** A file's bytes, or a folder as a zip (streamed by the server). */
export async function download(entry: Entry): Promise<void> {
  try {
    const url = await signedUrl(entry);
    if (url === null) {
      notify(`“${entry.name}” is gone.`, 'error');
      return;
    }
    // A signed, short-lived URL: the browser downloads it (Content-Disposition:
    // attachment) without the token ever being in a URL.
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = entry.__typename === 'Folder' ? `${entry.name}.zip` : entry.name;
    anchor.rel = 'noopener';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } catch (failure) {
    notify(describeFailure(failure), 'error');
  }
}

/** After leaving a shared folder: out of it if it is on screen, and everything reloads. */
export function afterLeaving(path: string): void {
  const here = pathFromUrl(window.location.pathname);
  if (here === path || here.startsWith(`${path}/`)) navigate('/', true);
  announceChange();
}

/** Entries to the trash, with "Undo" in the notice (it restores them). */
export async function removeEntries(entries: Entry[], changed: () => void): Promise<void> {
  const removed: Entry[] = [];
  const failures: string[] = [];
  for (const entry of entries) {
    try {
      const result = (await request(DeleteEntryMutation, { id: entry.id })).deleteEntry;
      written(result);
      if (result.__typename === 'File' || result.__typename === 'Folder') removed.push(entry);
      else failures.push(`${entry.name}: ${describeError(result)}`);
    } catch (failure) {
      failures.push(`${entry.name}: ${describeFailure(failure)}`);
    }
  }
  if (removed.length > 0) changed();
  if (failures.length > 0) {
    notify(failures.join(' '), 'error');
    return;
  }
  const what = removed.length === 1 ? `“${removed[0].name}”` : `${removed.length} items`;
  notify(`Moved ${what} to the trash.`, 'info', {
    label: 'Undo',
    run: () => {
      void (async () => {
        for (const entry of removed) {
          try {
            written((await request(RestoreEntryMutation, { id: entry.id })).restoreEntry);
          } catch (failure) {
            notify(describeFailure(failure), 'error');
          }
        }
        changed();
      })();
    },
  });
}

/** The per-entry buttons and the dialogs they open. */
export function useEntryActions() {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const changed = afterWrite;

  const remove = (entry: Entry) => removeEntries([entry], changed);

  async function leave(entry: Entry) {
    try {
      await request(LeaveFolderMutation, { folderId: entry.id });
      notify(`You left “${entry.name}”.`);
      afterLeaving(entry.path);
    } catch (failure) {
      notify(describeFailure(failure), 'error');
    }
  }

  const buttons = (entry: Entry) => {
    const file = entry.__typename === 'File';
    // Inside a folder shared with you as a Viewer the server refuses changes: they are
    // shown disabled (the folder's header says why); your mount of it is yours to rename or
    // move, while links to it are its owner's to make.
    const readOnly = !canChange(entry);
    const mount = isMount(entry);
    const actions: RowAction[] = [];
    actions.push({
      label: 'Download',
      icon: file ? 'download' : 'zip',
      title: file ? undefined : `Download ${entry.name} as a zip`,
      onClick: () => void download(entry),
    });
    if (hasPeople(entry)) {
      actions.push({
        label: 'People',
        icon: 'people',
        title: `Share “${entry.name}” with people`,
        onClick: () => setOpen({ kind: 'People', entry }),
      });
    }
    actions.push(
      {
        label: 'Share',
        icon: 'link',
        disabled: entry.shared?.yourRole === 'VIEWER' || mount,
        onClick: () => setOpen({ kind: 'Share', entry }),
      },
      { label: 'Rename', icon: 'rename', disabled: readOnly, onClick: () => setOpen({ kind: 'Rename', entry }) },
      { label: 'Move', icon: 'move', disabled: readOnly, onClick: () => setOpen({ kind: 'Move', entry }) },
      { label: 'Copy', icon: 'copy', onClick: () => setOpen({ kind: 'Copy', entry }) },
    );
    if (file) actions.push({ label: 'Versions', icon: 'versions', onClick: () => setOpen({ kind: 'Versions', entry }) });
    actions.push(
      mount
        ? {
            label: 'Leave',
            icon: 'leave',
            danger: true,
            title: `Leave ${entry.name}`,
            onClick: () => setOpen({ kind: 'Leave', entry }),
          }
        : { label: 'Delete', icon: 'delete', danger: true, disabled: readOnly, onClick: () => void remove(entry) },
    );
    return <RowActions name={entry.name} actions={actions} />;
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
              written(result);
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
        entries={[open.entry]}
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
    dialog = (
      <VersionsDialog entry={open.entry} readOnly={!canChange(open.entry)} onClose={close} onChanged={announceChange} />
    );
  } else if (open?.kind === 'People') {
    const entry = open.entry;
    dialog = (
      <PeopleDialog
        folder={entry}
        onClose={close}
        onChanged={(left) => {
          if (left) {
            notify(`You left “${entry.name}”.`);
            afterLeaving(entry.path);
            // Sharing stamps the whole subtree: what is listed is asked again.
          } else announceChange();
        }}
      />
    );
  } else if (open?.kind === 'Leave') {
    const entry = open.entry;
    const owner = entry.shared?.ownerUsername ?? 'its owner';
    dialog = (
      <ConfirmDialog title={`Leave “${entry.name}”?`} action="Leave folder" onClose={close} onConfirm={() => leave(entry)}>
        <p>
          The folder goes from your files; nothing of {owner}'s is deleted. You get it back only if {owner} adds you
          again.
        </p>
      </ConfirmDialog>
    );
  }
  const act = (kind: OpenKind, entry: Entry) => setOpen({ kind, entry });
  return { buttons, dialog, act, changed };
}
