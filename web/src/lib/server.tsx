import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { ServerInfoQuery } from '../api/operations';
import type { ServerInfoQuery as ServerInfoResult } from '../gql/graphql';

export type ServerInfo = ServerInfoResult['serverInfo'];

let asked: Promise<ServerInfo | null> | null = null;

/** What the server is (asked once per page load; null while unknown or unreachable). */
export function useServerInfo(): ServerInfo | null {
  const [info, setInfo] = useState<ServerInfo | null>(null);
  useEffect(() => {
    asked ??= request(ServerInfoQuery)
      .then((data) => data.serverInfo)
      .catch(() => {
        asked = null;
        return null;
      });
    let live = true;
    void asked.then((found) => live && setInfo(found));
    return () => {
      live = false;
    };
  }, []);
  return info;
}

// Usernames that signed in from this browser: when the in-memory server was restarted,
// the sign-in form can say that the server forgot them rather than "Wrong password".
const KNOWN_KEY = 'dropbox-lite.known-usernames';

function known(): string[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KNOWN_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberUsername(username: string): void {
  const names = known().filter((name) => name !== username.toLowerCase());
  try {
    window.localStorage.setItem(KNOWN_KEY, JSON.stringify([username.toLowerCase(), ...names].slice(0, 20)));
  } catch {
    // Private mode: nothing is remembered, the usual message is shown.
  }
}

export function wasKnown(username: string): boolean {
  return known().includes(username.toLowerCase());
}

export const FORGOTTEN =
  'This server has forgotten its accounts: it keeps everything in memory, and it was restarted. ' +
  'Create your account again (your files are gone too).';

/** Shown on every page when the server keeps nothing. */
export function MemoryBanner({ info }: { info: ServerInfo | null }) {
  if (info?.storageBackend !== 'memory') return null;
  return (
    <p role="alert" class="memory-banner">
      This server keeps everything in memory: accounts and files are gone when it stops. Set{' '}
      <code>DROPBOX_LITE_MONGODB_URI</code> to keep them.
    </p>
  );
}
