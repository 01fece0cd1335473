// The sign-in token: in memory, mirrored to sessionStorage so a reload keeps it (closed
// with the tab), or to localStorage with "Stay signed in" (kept across tabs and browser
// restarts); never in a URL.
export const TOKEN_KEY = 'dropbox-lite.token';
/** This browser's device key: sent with every sign-in, so that one browser is one device. */
export const DEVICE_KEY = 'dropbox-lite.device-key';

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

let memoryKey: string | null = null;

/** 32 random bytes, base64url: nothing about the browser or the person. */
export function newDeviceKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The random key this browser keeps in localStorage (made on first use). The server
 * replaces the session it signed in with before when the same key signs in again, so
 * signing in twice leaves one "Web app" device, not two.
 */
export function deviceKey(): string {
  const storage = store('localStorage');
  const kept = storage?.getItem(DEVICE_KEY) ?? memoryKey;
  if (kept) return kept;
  const made = newDeviceKey();
  memoryKey = made;
  try {
    storage?.setItem(DEVICE_KEY, made);
  } catch {
    // Storage full or refused: this tab keeps the key in memory.
  }
  return made;
}
