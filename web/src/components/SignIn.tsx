import { useState } from 'preact/hooks';
import { request } from '../api/client';
import { LoginMutation, SignupMutation } from '../api/operations';
import { describeError, describeFailure } from '../lib/errors';
import { FORGOTTEN, rememberUsername, type ServerInfo, wasKnown } from '../lib/server';
import { deviceKey, setToken } from '../lib/session';

export function deviceName(userAgent: string = navigator.userAgent): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'a browser';
  return `Web app (${browser})`;
}

/** `purpose`: why signing in is asked here (an app's grant page), said above the form. */
export function SignIn({ info, purpose = null }: { info: ServerInfo | null; purpose?: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [invite, setInvite] = useState<string | null>(null);
  const [stay, setStay] = useState(false);

  async function submit(kind: 'login' | 'signup') {
    setBusy(true);
    setError(null);
    try {
      // One browser is one device: its key makes the server replace this browser's last session.
      const variables = { username: username.trim(), password, deviceName: deviceName(), deviceKey: deviceKey() };
      const result =
        kind === 'login'
          ? (await request(LoginMutation, variables)).login
          : (await request(SignupMutation, { ...variables, inviteCode: invite?.trim() || null })).signup;
      if (result.__typename === 'AuthPayload') {
        rememberUsername(variables.username);
        setToken(result.token, stay);
        return;
      }
      if (
        result.__typename === 'InvalidCredentialsError' &&
        info?.storageBackend === 'memory' &&
        wasKnown(variables.username)
      ) {
        setError(FORGOTTEN);
        return;
      }
      if (result.__typename === 'SignupRefusedError' && result.policy === 'invite' && invite === null) {
        setInvite('');
        setError('This server needs an invite code to create an account: enter yours below.');
        return;
      }
      setError(describeError(result));
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="signin">
      <div class="signin-card">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true" /> dropbox-lite
        </h1>
        <p class="muted">Your files, on your own server.</p>
        {purpose && (
          <p class="form-note signin-purpose" role="status">
            {purpose}
          </p>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit('login');
          }}
        >
          <label for="username">Username</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            required
            value={username}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
          <label class="checkbox" for="stay">
            <input id="stay" type="checkbox" checked={stay} onChange={(event) => setStay(event.currentTarget.checked)} />
            Stay signed in
          </label>
          {invite !== null && (
            <>
              <label for="invite-code">Invite code</label>
              <input
                id="invite-code"
                name="invite-code"
                autocomplete="off"
                value={invite}
                onInput={(event) => setInvite(event.currentTarget.value)}
              />
            </>
          )}
          {error && (
            <p role="alert" class="form-error">
              {error}
            </p>
          )}
          <div class="signin-actions">
            <button type="submit" class="primary" disabled={busy}>
              Sign in
            </button>
            {info?.signupPolicy !== 'closed' && (
              <button
                type="button"
                disabled={busy}
                onClick={(event) => {
                  const form = event.currentTarget.form;
                  if (form && !form.reportValidity()) return;
                  void submit('signup');
                }}
              >
                Create account
              </button>
            )}
          </div>
          {info?.signupPolicy === 'closed' ? (
            <p class="muted small">This server's administrator creates its accounts.</p>
          ) : (
            <p class="muted small">
              New here? Choose a username (3 to 32 letters, digits, <code>.</code> <code>_</code>{' '}
              <code>-</code>) and a password of at least 8 characters, then Create account.
            </p>
          )}
        </form>
      </div>
    </main>
  );
}
