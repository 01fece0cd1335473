// The sign-in token: in memory, mirrored to sessionStorage so a reload keeps it
// (closed with the tab); never in a URL, never in localStorage.
export const TOKEN_KEY = 'dropbox-lite.token';

type Listener = (token: string | null) => void;

let current: string | null = null;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadToken(): string | null {
  current = storage()?.getItem(TOKEN_KEY) ?? null;
  return current;
}

export function getToken(): string | null {
  return current;
}

export function setToken(token: string | null): void {
  current = token;
  const store = storage();
  if (token === null) store?.removeItem(TOKEN_KEY);
  else store?.setItem(TOKEN_KEY, token);
  for (const listener of listeners) listener(token);
}

export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
