import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { GrantLoginFlowMutation, LoginFlowQuery } from '../api/operations';
import { describeFailure } from '../lib/errors';
import { linkClick } from '../lib/router';

type State =
  | { kind: 'loading' }
  | { kind: 'unknown' }
  | { kind: 'asking'; appName: string }
  | { kind: 'granted'; appName: string }
  | { kind: 'cancelled'; appName: string };

const UNKNOWN =
  'This sign-in request is unknown or has expired (they last 20 minutes). Start signing in again from the app: it opens a new page.';

/**
 * /login-flow/{token}: the page a Nextcloud app (desktop, phone, or any Login Flow v2
 * client) opens for its user. Signed in, they grant it access, which makes it an app
 * password of its own; signed out, the app shows the sign-in form first and comes back here.
 */
export function LoginFlow({ token }: { token: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    request(LoginFlowQuery, { token })
      .then((data) => {
        if (!live) return;
        setState(data.loginFlow ? { kind: 'asking', appName: data.loginFlow.appName } : { kind: 'unknown' });
      })
      .catch((failure) => live && setError(describeFailure(failure)));
    return () => {
      live = false;
    };
  }, [token]);

  async function grant(appName: string) {
    setBusy(true);
    setError(null);
    try {
      const result = (await request(GrantLoginFlowMutation, { token })).grantLoginFlow;
      if (result.__typename === 'LoginFlowGranted') setState({ kind: 'granted', appName });
      else setState({ kind: 'unknown' });
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="flow-page">
      <div class="signin-card flow-card">
        {state.kind === 'loading' && !error && <p class="muted">Opening the request…</p>}
        {state.kind === 'unknown' && (
          <>
            <h1>This request does not open</h1>
            <p role="alert">{UNKNOWN}</p>
          </>
        )}
        {state.kind === 'asking' && (
          <>
            <h1>Grant access to {state.appName}?</h1>
            <p>
              {state.appName} will be able to read and change all your files. It gets an app password of its own,
              listed on your Account page, where you can revoke it at any time.
            </p>
            <div class="signin-actions">
              <button type="button" class="primary" disabled={busy} onClick={() => void grant(state.appName)}>
                Grant access
              </button>
              <button type="button" disabled={busy} onClick={() => setState({ kind: 'cancelled', appName: state.appName })}>
                Cancel
              </button>
            </div>
          </>
        )}
        {state.kind === 'granted' && (
          <>
            <h1>Access granted</h1>
            <p role="status">Access granted: you can close this page and go back to the app.</p>
          </>
        )}
        {state.kind === 'cancelled' && (
          <>
            <h1>Access not granted</h1>
            <p role="status">
              {state.appName} was not given access. You can close this page; the app's request expires by itself.
            </p>
          </>
        )}
        {error && (
          <p role="alert" class="form-error">
            {error}
          </p>
        )}
        <p class="small">
          <a href="/" onClick={linkClick}>
            Go to your files
          </a>
        </p>
      </div>
    </div>
  );
}
