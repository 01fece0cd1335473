// The sign-in token: in memory, mirrored to sessionStorage so a reload keeps it (closed
// with the tab), or to localStorage with "Stay signed in" (kept across tabs and browser
// restarts); never in a URL.
export const TOKEN_KEY = 'dropbox-lite.token';
/** The session this browser last signed in with: signing in again replaces it. */
export const SESSION_ID_KEY = 'dropbox-lite.session-id';

type Listener = (token: string | null) => void;

let current: string | null = null;
const listeners = new Set<Listener>();

function store(kind: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

export function loadToken(): string | null {
  current = store('sessionStorage')?.getItem(TOKEN_KEY) ?? store('localStorage')?.getItem(TOKEN_KEY) ?? null;
  return current;
}

export function getToken(): string | null {
  return current;
}

/** `stay`: keep it in localStorage (every tab, after a restart) rather than in this tab only. */
export function setToken(token: string | null, stay = false): void {
  current = token;
  for (const kind of ['sessionStorage', 'localStorage'] as const) store(kind)?.removeItem(TOKEN_KEY);
  if (token !== null) store(stay ? 'localStorage' : 'sessionStorage')?.setItem(TOKEN_KEY, token);
  for (const listener of listeners) listener(token);
}

export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function previousSessionId(): string | null {
  return store('localStorage')?.getItem(SESSION_ID_KEY) ?? null;
}

export function rememberSessionId(id: string): void {
  store('localStorage')?.setItem(SESSION_ID_KEY, id);
}
