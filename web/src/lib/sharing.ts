// Shared folders in words, and what the signed-in user may do in one.
import type { MemberRole } from '../gql/graphql';

export interface Shared {
  ownerUsername: string;
  yourRole: MemberRole;
  youOwn: boolean;
  folderId: string;
}

export interface FolderMember {
  user: { username: string };
  role: MemberRole;
  isOwner: boolean;
}

interface Sharable {
  __typename?: string;
  id: string;
  trashed?: boolean;
  shared?: Shared | null;
}

export const ROLE_NAMES: Record<MemberRole, string> = { EDITOR: 'Editor', VIEWER: 'Viewer' };

/** The shared folder itself (the owner's folder or a member's mount), not an entry inside one. */
export function isShareRoot(entry: Sharable): boolean {
  return entry.shared != null && entry.shared.folderId === entry.id;
}

/** A member's mount of someone else's folder. */
export function isMount(entry: Sharable): boolean {
  return isShareRoot(entry) && !entry.shared?.youOwn;
}

/** May change the entry itself: the mount is the member's own, whatever their role inside. */
export function canChange(entry: Sharable): boolean {
  return !entry.shared || entry.shared.yourRole === 'EDITOR' || isMount(entry);
}

/** May add entries inside this folder. */
export function canWriteInside(shared: Shared | null | undefined): boolean {
  return !shared || shared.yourRole === 'EDITOR';
}

/** Folders that can be shared, or whose members can be seen: not inside another shared folder. */
export function hasPeople(entry: Sharable): boolean {
  return entry.__typename === 'Folder' && !entry.trashed && (!entry.shared || isShareRoot(entry));
}

/** "Shared by alice" or "Shared by you", for the badge and the folder's header. */
export function sharedBy(shared: Shared): string {
  return shared.youOwn ? 'Shared by you' : `Shared by ${shared.ownerUsername}`;
}

/** The members besides the owner, "bob (you, Viewer), carol (Editor)", or "nobody yet". */
export function describeMembers(members: FolderMember[], me: string | null): string {
  const others = members.filter((member) => !member.isOwner);
  if (others.length === 0) return 'nobody yet';
  return others
    .map((member) => {
      const role = ROLE_NAMES[member.role];
      return `${member.user.username} (${member.user.username === me ? `you, ${role}` : role})`;
    })
    .join(', ');
}

/** What the signed-in user may do in a shared folder, in one sentence. */
export function describeRole(shared: Shared): string {
  if (shared.youOwn) return 'You own this folder: its files count against your storage, whoever adds them.';
  return shared.yourRole === 'EDITOR'
    ? `${shared.ownerUsername} shared this folder with you as an Editor: you can add, change and delete files.`
    : `${shared.ownerUsername} shared this folder with you as a Viewer: you can open and download files, not change them.`;
}

/** Hosts that mean "every interface": a link to them opens for nobody. */
const UNSPECIFIED_HOSTS = new Set(['0.0.0.0', '[::]', '::']);

/**
 * The share link to show: the server's (built from its PUBLIC_URL), unless the server
 * has no public URL and listens on every interface (`http://0.0.0.0:8000/s/…`): then the
 * same link on the origin this browser reached the server by.
 */
export function shareUrl(serverUrl: string, token: string | null, origin: string): string {
  let parsed: URL;
  try {
    parsed = new URL(serverUrl);
  } catch {
    return token ? `${origin}/s/${encodeURIComponent(token)}` : serverUrl;
  }
  if (!UNSPECIFIED_HOSTS.has(parsed.hostname)) return serverUrl;
  return token ? `${origin}/s/${encodeURIComponent(token)}` : `${origin}${parsed.pathname}${parsed.search}`;
}
