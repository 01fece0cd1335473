import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { FolderMembersQuery } from '../api/operations';
import { describeMembers, describeRole, type FolderMember, type Shared, sharedBy } from '../lib/sharing';
import { announceChange, afterLeaving, CHANGED_EVENT } from './entryActions';
import { notify } from './Notice';
import { PeopleDialog } from './PeopleDialog';

interface Root {
  id: string;
  name: string;
  path: string;
  members: FolderMember[];
  me: string | null;
}

/** Above the listing of a shared folder (or one inside it): who has it, what you may do, People. */
export function SharedBar({ shared }: { shared: Shared }) {
  const [root, setRoot] = useState<Root | null>(null);
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    request(FolderMembersQuery, { id: shared.folderId })
      .then((data) => {
        const found = data.entry;
        if (!live || found?.__typename !== 'Folder') return;
        setRoot({
          id: found.id,
          name: found.name,
          path: found.path,
          members: found.members,
          me: data.me?.username ?? null,
        });
      })
      .catch(() => live && setRoot(null));
    return () => {
      live = false;
    };
  }, [shared.folderId, version]);

  useEffect(() => {
    const reload = () => setVersion((value) => value + 1);
    window.addEventListener(CHANGED_EVENT, reload);
    return () => window.removeEventListener(CHANGED_EVENT, reload);
  }, []);

  return (
    <section class="shared-bar" aria-label="Sharing">
      <div>
        <p>
          <span class="badge badge-shared">Shared</span> {sharedBy(shared)}
          {root && <> with {describeMembers(root.members, root.me)}</>}
        </p>
        <p id="shared-role" class="muted small">
          {describeRole(shared)}
        </p>
      </div>
      {root && (
        <button type="button" onClick={() => setOpen(true)} title={`Share “${root.name}” with people`}>
          People
        </button>
      )}
      {open && root && (
        <PeopleDialog
          folder={root}
          onClose={() => setOpen(false)}
          onChanged={(left) => {
            if (left) {
              notify(`You left “${root.name}”.`);
              afterLeaving(root.path);
            } else announceChange();
          }}
        />
      )}
    </section>
  );
}
