import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../api/client';
import { RevokeSessionMutation, SessionsQuery } from '../api/operations';
import type { SessionsQuery as SessionsResult } from '../gql/graphql';
import { describeFailure } from '../lib/errors';
import { copyText, installCommand } from '../lib/clipboard';
import { formatDate } from '../lib/format';
import { useServerInfo } from '../lib/server';
import { notify } from './Notice';

type Session = SessionsResult['sessions'][number];

/** The sync client's install command for this server, with a Copy button. */
function Install() {
  const info = useServerInfo();
  const input = useRef<HTMLInputElement>(null);
  if (!info) return null;
  const command = installCommand(window.location.origin, info.version);
  return (
    <section class="install" aria-labelledby="install-title">
      <h2 id="install-title" class="section-title">
        Sync a folder on a computer
      </h2>
      <p class="muted">
        Install the sync client (Python 3.11 or newer) from this server, then run{' '}
        <code>dropbox-lite sync DIR --server {window.location.origin} --username NAME</code>.
      </p>
      <div class="copy-line">
        <label for="install-command" class="visually-hidden">
          Install command
        </label>
        <input ref={input} id="install-command" class="mono" readOnly value={command} onFocus={(event) => event.currentTarget.select()} />
        <button
          type="button"
          onClick={async () => {
            if (await copyText(input.current, command)) notify('Install command copied.');
            else notify('Copy failed: select the command and copy it by hand.', 'error');
          }}
        >
          Copy
        </button>
      </div>
    </section>
  );
}

export function Devices({ embedded = false }: { embedded?: boolean }) {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  async function load() {
    try {
      setSessions((await request(SessionsQuery)).sessions);
    } catch (failure) {
      notify(describeFailure(failure), 'error');
    }
  }
  useEffect(() => {
    void load();
  }, []);

  async function revoke(session: Session) {
    try {
      await request(RevokeSessionMutation, { id: session.id });
      notify(`Signed out ${session.deviceName ?? 'the device'}.`);
      await load();
    } catch (failure) {
      notify(describeFailure(failure), 'error');
    }
  }

  return (
    <div>
      {embedded ? (
        <h2 class="section-title">Devices</h2>
      ) : (
        <div class="toolbar">
          <h1>Devices</h1>
        </div>
      )}
      <p class="muted">Every device signed in to your account. Sign out the ones you do not recognize.</p>
      {sessions === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <table class="entries">
          <caption class="visually-hidden">Signed-in devices</caption>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <th scope="row">
                  {session.deviceName ?? 'Unnamed device'}
                  {session.current && ' '}
                  {session.current && <span class="badge">this device</span>}
                </th>
                <td class="muted">{formatDate(session.createdAt)}</td>
                <td class="muted">{formatDate(session.lastSeenAt)}</td>
                <td class="actions">
                  {!session.current && (
                    <button type="button" onClick={() => void revoke(session)}>
                      Sign out device
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Install />
    </div>
  );
}
