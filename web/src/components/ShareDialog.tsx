import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { CreateShareLinkMutation, RevokeShareLinkMutation, ShareLinksQuery } from '../api/operations';
import type { ShareAccess, ShareLinksQuery as ShareLinksResult } from '../gql/graphql';
import { describeError, describeFailure } from '../lib/errors';
import { copyText } from '../lib/clipboard';
import { formatDate } from '../lib/format';
import { shareUrl } from '../lib/sharing';
import { getEntry, writeEntries } from '../lib/store';
import { Dialog } from './Dialog';
import type { Entry } from './EntryTable';

type Link = ShareLinksResult['shareLinks'][number];

/** "2026-12-01" from a date input -> the end of that day, local time, as ISO. */
export function expiryFromDate(value: string): string | null {
  if (!value) return null;
  const date = new Date(`${value}T23:59:59`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const ACCESS_NAMES: Record<ShareAccess, string> = {
  VIEWER: 'view only',
  EDITOR: 'view and upload',
  UPLOAD_ONLY: 'upload only',
};

export function describeLink(link: Pick<Link, 'access' | 'hasPassword' | 'expiresAt' | 'downloadCount'>): string {
  const parts = [ACCESS_NAMES[link.access]];
  if (link.hasPassword) parts.push('password');
  parts.push(link.expiresAt ? `expires ${formatDate(link.expiresAt)}` : 'no expiry');
  if (link.access !== 'UPLOAD_ONLY') parts.push(`${link.downloadCount} download${link.downloadCount === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

const CHOICES: { access: ShareAccess; label: string; hint: string }[] = [
  { access: 'VIEWER', label: 'View only', hint: 'Visitors see and download what is in the folder.' },
  { access: 'EDITOR', label: 'View and upload', hint: 'Visitors also add files to it.' },
  {
    access: 'UPLOAD_ONLY',
    label: 'Upload only',
    hint: 'Visitors add files and see nothing of what is in the folder (a file request).',
  },
];

/** One live link: its address with Copy, or why it has none to show. */
export function LinkRow({ link, onRevoke, onCopied }: { link: Link; onRevoke: () => void; onCopied: (text: string) => void }) {
  const created = new Date(link.createdAt).toLocaleString();
  const id = `link-${link.id}`;
  const url = link.url ? shareUrl(link.url, null, window.location.origin) : null;
  return (
    <li class="link-item">
      <span class="small">
        Created {formatDate(link.createdAt)} · {describeLink(link)}
      </span>
      {url ? (
        <div class="inline-field">
          <label for={id} class="visually-hidden">
            Link created {created}
          </label>
          <input id={id} class="mono" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          <button
            type="button"
            aria-label={`Copy link created ${created}`}
            onClick={async () => {
              const input = document.getElementById(id) as HTMLInputElement | null;
              onCopied((await copyText(input, url)) ? 'Link copied.' : 'Select the link and copy it.');
            }}
          >
            Copy
          </button>
          <button type="button" class="danger-text" aria-label={`Revoke link created ${created}`} onClick={onRevoke}>
            Revoke
          </button>
        </div>
      ) : (
        <div class="inline-field">
          <p class="muted small link-hidden">
            This link cannot be shown again (it was made before links could be). It still opens for whoever has it:
            revoke it and make a new one to get an address you can copy.
          </p>
          <button type="button" class="danger-text" aria-label={`Revoke link created ${created}`} onClick={onRevoke}>
            Revoke
          </button>
        </div>
      )}
    </li>
  );
}

export function ShareDialog({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const folder = entry.__typename === 'Folder';
  const [links, setLinks] = useState<Link[] | null>(null);
  const [expires, setExpires] = useState('');
  const [password, setPassword] = useState('');
  const [access, setAccess] = useState<ShareAccess>('VIEWER');
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = new Date().toISOString().slice(0, 10);

  async function load() {
    try {
      const found = (await request(ShareLinksQuery, { entryId: entry.id })).shareLinks;
      setLinks(found);
      // The listing's link badge follows what the dialog did.
      const now = getEntry(entry.id) ?? entry;
      if (now.hasLink !== found.length > 0) writeEntries([{ ...now, hasLink: found.length > 0 }]);
    } catch (failure) {
      setError(describeFailure(failure));
    }
  }
  useEffect(() => {
    void load();
  }, [entry.id]);

  async function create() {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const result = (
        await request(CreateShareLinkMutation, {
          entryId: entry.id,
          access: folder ? access : 'VIEWER',
          expiresAt: expiryFromDate(expires),
          password: password || null,
        })
      ).createShareLink;
      if (result.__typename === 'ShareLinkCreated') {
        setCreated({ id: result.link.id, url: shareUrl(result.url, result.token, window.location.origin) });
        setPassword('');
        await load();
      } else {
        setError(describeError(result));
      }
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await request(RevokeShareLinkMutation, { id });
      if (created?.id === id) setCreated(null);
      setMessage('The link was revoked: it no longer opens.');
      await load();
    } catch (failure) {
      setError(describeFailure(failure));
    }
  }

  return (
    <Dialog title={`Share “${entry.name}”`} onClose={onClose} wide>
      {created ? (
        <div class="share-created">
          <label for="share-link">Link</label>
          <div class="inline-field">
            <input id="share-link" readOnly value={created.url} onFocus={(event) => event.currentTarget.select()} />
            <button
              type="button"
              class="primary"
              onClick={async () => {
                const input = document.getElementById('share-link') as HTMLInputElement | null;
                const copied = await copyText(input, created.url);
                setMessage(copied ? 'Link copied.' : 'Select the link and copy it.');
              }}
            >
              Copy
            </button>
            <button type="button" class="danger" onClick={() => void revoke(created.id)}>
              Revoke
            </button>
          </div>
          <p class="muted small">Anyone with this link can open it. It stays listed below, to copy again, while it lives.</p>
          <button type="button" class="link-button" onClick={() => setCreated(null)}>
            Make another link
          </button>
        </div>
      ) : (
      <form
        class="share-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        {folder && (
          <fieldset class="access-choice">
            <legend>Visitors can</legend>
            {CHOICES.map((choice) => (
              <label class="radio" key={choice.access}>
                <input
                  type="radio"
                  name="share-access"
                  value={choice.access}
                  checked={access === choice.access}
                  onChange={() => setAccess(choice.access)}
                />
                <span>
                  {choice.label}
                  <span class="muted small"> · {choice.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div class="field-row">
          <div>
            <label for="share-expires">Expires (optional)</label>
            <input
              id="share-expires"
              type="date"
              min={today}
              value={expires}
              onInput={(event) => setExpires(event.currentTarget.value)}
            />
          </div>
          <div>
            <label for="share-password">Link password (optional)</label>
            <input
              id="share-password"
              type="password"
              autocomplete="new-password"
              minLength={8}
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          </div>
        </div>
        <button type="submit" class="primary" disabled={busy}>
          Create link
        </button>
      </form>
      )}
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
      <h3>Links to this {folder ? 'folder' : 'file'}</h3>
      {links === null ? (
        <p class="muted">Loading…</p>
      ) : links.length === 0 ? (
        <p class="muted">No links yet.</p>
      ) : (
        <>
          <p class="muted small">Anyone with a link can open it: copy it again here while it lives.</p>
          <ul class="link-list">
            {links.map((link) => (
              <LinkRow key={link.id} link={link} onRevoke={() => void revoke(link.id)} onCopied={setMessage} />
            ))}
          </ul>
        </>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
