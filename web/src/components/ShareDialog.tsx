import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { CreateShareLinkMutation, RevokeShareLinkMutation, ShareLinksQuery } from '../api/operations';
import type { ShareLinksQuery as ShareLinksResult } from '../gql/graphql';
import { describeError, describeFailure } from '../lib/errors';
import { copyText } from '../lib/clipboard';
import { formatDate } from '../lib/format';
import { shareUrl } from '../lib/sharing';
import { Dialog } from './Dialog';
import type { Entry } from './EntryTable';

type Link = ShareLinksResult['shareLinks'][number];

/** "2026-12-01" from a date input -> the end of that day, local time, as ISO. */
export function expiryFromDate(value: string): string | null {
  if (!value) return null;
  const date = new Date(`${value}T23:59:59`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function describeLink(link: Link): string {
  const parts = [link.access === 'EDITOR' ? 'view and upload' : 'view only'];
  if (link.hasPassword) parts.push('password');
  parts.push(link.expiresAt ? `expires ${formatDate(link.expiresAt)}` : 'no expiry');
  parts.push(`${link.downloadCount} download${link.downloadCount === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

export function ShareDialog({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const folder = entry.__typename === 'Folder';
  const [links, setLinks] = useState<Link[]>([]);
  const [expires, setExpires] = useState('');
  const [password, setPassword] = useState('');
  const [editor, setEditor] = useState(false);
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = new Date().toISOString().slice(0, 10);

  async function load() {
    try {
      setLinks((await request(ShareLinksQuery, { entryId: entry.id })).shareLinks);
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
          access: folder && editor ? 'EDITOR' : 'VIEWER',
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
          <p class="muted small">Anyone with this link can open it. It is shown only now: copy it.</p>
        </div>
      ) : (
        <form
          class="share-form"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
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
          {folder && (
            <label class="checkbox">
              <input type="checkbox" checked={editor} onChange={(event) => setEditor(event.currentTarget.checked)} />
              Visitors can upload files into this folder
            </label>
          )}
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
      {links.length === 0 ? (
        <p class="muted">No links yet.</p>
      ) : (
        <ul class="link-list">
          {links.map((link) => (
            <li key={link.id}>
              <span>
                Created {formatDate(link.createdAt)} · {describeLink(link)}
              </span>
              <button
                type="button"
                class="link-button"
                aria-label={`Revoke link created ${new Date(link.createdAt).toLocaleString()}`}
                onClick={() => void revoke(link.id)}
              >
                Revoke link
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
