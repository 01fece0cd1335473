import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../api/client';
import {
  FolderMembersQuery,
  LeaveFolderMutation,
  RemoveMemberMutation,
  ShareFolderMutation,
  UpdateMemberMutation,
} from '../api/operations';
import type { MemberRole } from '../gql/graphql';
import { describeError, describeFailure } from '../lib/errors';
import { describeRole, type FolderMember, ROLE_NAMES, type Shared } from '../lib/sharing';
import { Dialog } from './Dialog';

interface Props {
  folder: { id: string; name: string };
  onClose: () => void;
  /** After members changed (the listing's badges) or the user left the folder. */
  onChanged: (left: boolean) => void;
}

interface ErrorMember {
  __typename: string;
  message?: string;
}

/** The sentence for a refused shareFolder/updateMember: NotFoundError names the user asked for. */
export function describeShareError(member: ErrorMember, username: string): string {
  if (member.__typename === 'NotFoundError') return `There is no user called “${username}”.`;
  return describeError(member);
}

function RoleSelect({ id, label, value, onChange }: {
  id: string;
  label?: string;
  value: MemberRole;
  onChange: (role: MemberRole) => void;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as MemberRole)}
    >
      <option value="EDITOR">{ROLE_NAMES.EDITOR}</option>
      <option value="VIEWER">{ROLE_NAMES.VIEWER}</option>
    </select>
  );
}

/** Who a folder is shared with; the owner adds, changes and removes people, a member may leave. */
export function PeopleDialog({ folder, onClose, onChanged }: Props) {
  const [me, setMe] = useState<string | null>(null);
  const [shared, setShared] = useState<Shared | null>(null);
  const [members, setMembers] = useState<FolderMember[] | null>(null);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<MemberRole>('EDITOR');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const usernameInput = useRef<HTMLInputElement>(null);
  const stayButton = useRef<HTMLButtonElement>(null);
  const leaveButton = useRef<HTMLButtonElement>(null);

  async function load() {
    try {
      const data = await request(FolderMembersQuery, { id: folder.id });
      const found = data.entry;
      if (!found || found.__typename !== 'Folder') {
        setError('This folder is gone: it may have been deleted, or you were removed from it.');
        setMembers([]);
        return;
      }
      setMe(data.me?.username ?? null);
      setShared(found.shared ?? null);
      setMembers(found.members);
    } catch (failure) {
      setError(describeFailure(failure));
    }
  }
  useEffect(() => {
    void load();
  }, [folder.id]);

  const owner = members !== null && (shared === null || shared.youOwn);
  // The form appears once the members are in (after showModal focused the dialog): focus it then,
  // like the other dialogs' first field; the choice to leave moves focus to its safe answer.
  useEffect(() => {
    if (owner) usernameInput.current?.focus();
  }, [owner]);
  const asked = useRef(false);
  useEffect(() => {
    if (leaving) stayButton.current?.focus();
    else if (asked.current) leaveButton.current?.focus();
    asked.current = leaving;
  }, [leaving]);

  function start() {
    setBusy(true);
    setError(null);
    setMessage(null);
  }

  async function add() {
    const name = username.trim();
    if (!name) {
      setError('Type the username of the person to add.');
      usernameInput.current?.focus();
      return;
    }
    start();
    try {
      const result = (await request(ShareFolderMutation, { folderId: folder.id, username: name, role }))
        .shareFolder;
      if (result.__typename === 'Folder') {
        setMembers(result.members);
        setUsername('');
        setMessage(`Added ${name} as ${role === 'EDITOR' ? 'an Editor' : 'a Viewer'}.`);
        onChanged(false);
        await load();
      } else {
        setError(describeShareError(result, name));
      }
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
      usernameInput.current?.focus();
    }
  }

  async function change(member: string, next: MemberRole) {
    start();
    try {
      const result = (await request(UpdateMemberMutation, { folderId: folder.id, username: member, role: next }))
        .updateMember;
      if (result.__typename === 'Folder') {
        setMembers(result.members);
        setMessage(`${member} is now ${next === 'EDITOR' ? 'an Editor' : 'a Viewer'}.`);
        onChanged(false);
      } else {
        setError(describeShareError(result, member));
        await load();
      }
    } catch (failure) {
      setError(describeFailure(failure));
      await load();
    } finally {
      setBusy(false);
    }
  }

  async function remove(member: string) {
    start();
    try {
      await request(RemoveMemberMutation, { folderId: folder.id, username: member });
      setMessage(`Removed ${member}: the folder is gone from their files.`);
      onChanged(false);
      await load();
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
      usernameInput.current?.focus();
    }
  }

  async function leave() {
    start();
    try {
      await request(LeaveFolderMutation, { folderId: folder.id });
      onChanged(true);
      onClose();
    } catch (failure) {
      setError(describeFailure(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Share “${folder.name}” with people`} onClose={onClose} wide>
      {members === null && !error && <p class="muted">Loading…</p>}
      {owner && (
        <form
          class="member-form"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <div class="member-add">
            <div>
              <label for="member-username">Username</label>
              <input
                id="member-username"
                ref={usernameInput}
                autocomplete="off"
                autocapitalize="none"
                spellcheck={false}
                value={username}
                aria-describedby="member-roles"
                onInput={(event) => setUsername(event.currentTarget.value)}
              />
            </div>
            <div>
              <label for="member-role">Role</label>
              <RoleSelect id="member-role" value={role} onChange={setRole} />
            </div>
            <button type="submit" class="primary" disabled={busy}>
              Add
            </button>
          </div>
          <p id="member-roles" class="muted small">
            Editors can add, change and delete files in the folder; viewers can open and download them. The
            folder appears in their files; its files count against your storage.
          </p>
        </form>
      )}
      {!owner && shared && <p>{describeRole(shared)}</p>}
      {message && (
        <p role="status" class="form-note">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {members !== null && (
        <>
          <h3>Who has access</h3>
          {members.length === 0 ? (
            <p class="muted">Only you. Add someone by their username to share this folder.</p>
          ) : (
            <ul class="member-list" aria-label="Members">
              {members.map((member) => {
                const name = member.user.username;
                return (
                  <li key={name} data-member={name}>
                    <span class="member-name">
                      {name}
                      {name === me && <span class="muted"> (you)</span>}
                    </span>
                    {member.isOwner ? (
                      <span class="badge">Owner</span>
                    ) : owner ? (
                      <span class="member-actions">
                        <RoleSelect
                          id={`member-role-${name}`}
                          label={`Role of ${name}`}
                          value={member.role}
                          onChange={(next) => void change(name, next)}
                        />
                        <button
                          type="button"
                          class="link-button danger-text"
                          title={`Remove ${name}`}
                          disabled={busy}
                          onClick={() => void remove(name)}
                        >
                          Remove
                        </button>
                      </span>
                    ) : (
                      <span class="muted">{ROLE_NAMES[member.role]}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
      {!owner && shared && leaving && (
        <div class="leave-confirm" role="group" aria-label="Leave the folder">
          <p>
            “{folder.name}” goes from your files; nothing of {shared.ownerUsername}'s is deleted. You get it back
            only if {shared.ownerUsername} adds you again.
          </p>
        </div>
      )}
      <div class="dialog-actions">
        {!owner && shared && !leaving && (
          <button type="button" ref={leaveButton} class="danger-text leave-button" onClick={() => setLeaving(true)}>
            Leave folder
          </button>
        )}
        {!owner && shared && leaving && (
          <>
            <button type="button" ref={stayButton} onClick={() => setLeaving(false)}>
              Stay
            </button>
            <button type="button" class="danger" disabled={busy} onClick={() => void leave()}>
              Leave folder
            </button>
          </>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
