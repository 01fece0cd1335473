import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../api/client';
import { AppPasswordsQuery, CreateAppPasswordMutation, RevokeAppPasswordMutation } from '../api/operations';
import type { AppPasswordsQuery as AppPasswordsResult } from '../gql/graphql';
import { copyText } from '../lib/clipboard';
import { describeError, describeFailure } from '../lib/errors';
import { formatDate } from '../lib/format';
import { ConfirmDialog } from './ConfirmDialog';
import { notify } from './Notice';

type AppPassword = AppPasswordsResult['appPasswords'][number];

/** The one time a new app password can be seen: with Copy, and saying so. */
function Created({ name, password, onDone }: { name: string; password: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div class="created-secret" role="region" aria-labelledby="created-title">
      <h3 id="created-title">App password for “{name}”</h3>
      <p>
        <strong>It is shown once:</strong> copy it into the app now. It cannot be seen again; if it is lost, revoke it
        and create another.
      </p>
      <div class="copy-line">
        <label for="new-app-password" class="visually-hidden">
          New app password
        </label>
        <input
          ref={input}
          id="new-app-password"
          class="mono"
          readOnly
          value={password}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          class="primary"
          onClick={async () =>
            setCopied((await copyText(input.current, password)) ? 'Copied.' : 'Select the password and copy it.')
          }
        >
          Copy
        </button>
      </div>
      {copied && (
        <p role="status" class="form-note">
          {copied}
        </p>
      )}
      <button type="button" onClick={onDone}>
        Done
      </button>
    </div>
  );
}

/**
 * App passwords for WebDAV and Nextcloud clients: each app gets its own, seen once, and
 * revoking one ends that app's access without touching the others or the account password.
 */
export function AppPasswords() {
  const [passwords, setPasswords] = useState<AppPassword[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<AppPassword | null>(null);

  async function load() {
    try {
      setPasswords((await request(AppPasswordsQuery)).appPasswords);
    } catch (failure) {
      setError(describeFailure(failure));
    }
  }
  useEffect(() => {
    void load();
  }, []);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const result = (await request(CreateAppPasswordMutation, { name: name.trim() })).createAppPassword;
      if (result.__typename === 'AppPasswordCreated') {
        setCreated({ name: result.appPassword.name, password: result.password });
        setName('');
        await load();
      } else setError(describeError(result));
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="app-passwords">
      <h2 id="app-passwords">App passwords</h2>
      <p class="muted">
        For WebDAV and Nextcloud apps (Finder, Windows, rclone, the Nextcloud apps): give each app its own password
        instead of yours, and revoke it when you stop using that app.
      </p>
      {created ? (
        <Created name={created.name} password={created.password} onDone={() => setCreated(null)} />
      ) : (
        <form
          class="account-form"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <label for="app-password-name">Name</label>
          <input
            id="app-password-name"
            required
            maxLength={100}
            placeholder="e.g. Laptop, rclone"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy}>
            Create app password
          </button>
        </form>
      )}
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {passwords === null ? (
        <p class="muted">Loading…</p>
      ) : passwords.length === 0 ? (
        <p class="muted">No app passwords yet.</p>
      ) : (
        <table class="entries app-passwords">
          <caption class="visually-hidden">App passwords</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {passwords.map((one) => (
              <tr key={one.id}>
                <th scope="row">{one.name}</th>
                <td class="muted">{formatDate(one.createdAt)}</td>
                <td class="muted">{one.lastUsedAt ? formatDate(one.lastUsedAt) : 'Never'}</td>
                <td class="actions">
                  <button type="button" class="danger-text" aria-label={`Revoke ${one.name}`} onClick={() => setRevoking(one)}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          action="Revoke"
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            try {
              if ((await request(RevokeAppPasswordMutation, { id: revoking.id })).revokeAppPassword) {
                notify(`Revoked “${revoking.name}”: that app is signed out.`);
              }
              await load();
            } catch (failure) {
              notify(describeFailure(failure), 'error');
            }
          }}
        >
          <p>The app that uses it is signed out at once and cannot sign in with it again.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
