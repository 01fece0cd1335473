import { useState } from 'preact/hooks';
import { request } from '../api/client';
import { ChangePasswordMutation } from '../api/operations';
import { describeError, describeFailure } from '../lib/errors';
import { AppPasswords } from './AppPasswords';
import { Devices } from './Devices';

function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="panel account-form"
      aria-labelledby="change-password"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        setDone(false);
        try {
          const result = (await request(ChangePasswordMutation, { currentPassword: current, newPassword: next }))
            .changePassword;
          if (result.__typename === 'User') {
            setDone(true);
            setCurrent('');
            setNext('');
          } else setError(describeError(result));
        } catch (failure) {
          setError(describeFailure(failure));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="change-password">Change password</h2>
      <label for="current-password">Current password</label>
      <input
        id="current-password"
        type="password"
        autocomplete="current-password"
        required
        value={current}
        onInput={(event) => setCurrent(event.currentTarget.value)}
      />
      <label for="new-password">New password</label>
      <input
        id="new-password"
        type="password"
        autocomplete="new-password"
        required
        minLength={8}
        value={next}
        onInput={(event) => setNext(event.currentTarget.value)}
      />
      <p class="muted small">At least 8 characters. Your other devices are signed out.</p>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {done && (
        <p role="status" class="form-note">
          Your password is changed; your other devices are signed out.
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        Change password
      </button>
    </form>
  );
}

/** Your account: the password, app passwords, and the devices signed in to it. */
export function Account({ username }: { username: string | null }) {
  return (
    <div>
      <div class="toolbar">
        <h1>Account</h1>
      </div>
      {username && <p class="muted">Signed in as {username}.</p>}
      <ChangePassword />
      <AppPasswords />
      <Devices embedded />
    </div>
  );
}
