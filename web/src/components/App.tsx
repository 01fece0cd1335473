import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import { LogoutMutation, MeQuery } from '../api/operations';
import type { MeQuery as MeResult } from '../gql/graphql';
import { formatUsage } from '../lib/format';
import { pathFromUrl } from '../lib/paths';
import { linkClick, navigate, useLocation } from '../lib/router';
import { getToken, onTokenChange, setToken } from '../lib/session';
import { applyChanges } from '../lib/lists';
import { followChanges } from '../lib/live';
import { clearStore } from '../lib/store';
import { type ServerInfo, MemoryBanner, useServerInfo } from '../lib/server';
import { Account } from './Account';
import { Browser } from './Browser';
import { Devices } from './Devices';
import { LoginFlow } from './LoginFlow';
import { afterWrite, CHANGED_EVENT } from './entryActions';
import { Notice } from './Notice';
import { Search } from './Search';
import { SharePage } from './SharePage';
import { SharedWithMe } from './SharedWithMe';
import { SignIn } from './SignIn';
import { Trash } from './Trash';

type Me = NonNullable<MeResult['me']>;

function Usage({ me }: { me: Me }) {
  const { usedBytes, quotaBytes } = me.usage;
  return (
    <div class="usage">
      <span class="small">{formatUsage(usedBytes, quotaBytes)}</span>
      {quotaBytes != null && quotaBytes > 0 && (
        <meter min={0} max={quotaBytes} value={usedBytes} aria-label="Storage used" />
      )}
    </div>
  );
}

function Shell({
  me,
  children,
  query,
  info,
}: {
  me: Me | null;
  children: ComponentChildren;
  query: string;
  info: ServerInfo | null;
}) {
  const [search, setSearch] = useState(query);
  const { pathname } = useLocation();
  useEffect(() => setSearch(query), [query]);
  const current = (href: string) => (pathname === href ? 'page' : undefined);
  return (
    <div class="shell">
      <header class="topbar">
        <a class="brand" href="/" onClick={linkClick}>
          <span class="brand-mark" aria-hidden="true" /> dropbox-lite
        </a>
        <form
          role="search"
          class="search"
          onSubmit={(event) => {
            event.preventDefault();
            if (search.trim()) navigate(`/search?q=${encodeURIComponent(search.trim())}`);
          }}
        >
          <label for="search" class="visually-hidden">
            Search
          </label>
          <input
            id="search"
            type="search"
            placeholder="Search files and folders"
            value={search}
            onInput={(event) => setSearch(event.currentTarget.value)}
          />
        </form>
        <div class="account">
          {me && <span class="username">{me.username}</span>}
          <button
            type="button"
            onClick={async () => {
              try {
                await request(LogoutMutation);
              } catch {
                // Signed out here whatever the server says: the token is dropped.
              }
              setToken(null);
              navigate('/', true);
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <div class="layout">
        <nav class="sidebar" aria-label="Main">
          <ul>
            <li>
              <a href="/" onClick={linkClick} aria-current={pathname === '/' || pathname.startsWith('/browse') ? 'page' : undefined}>
                <span class="icon icon-folder" aria-hidden="true" />
                All files
              </a>
            </li>
            <li>
              <a href="/shared" onClick={linkClick} aria-current={current('/shared')}>
                <span class="icon icon-shared" aria-hidden="true" />
                Shared with me
              </a>
            </li>
            <li>
              <a href="/trash" onClick={linkClick} aria-current={current('/trash')}>
                <span class="icon icon-trash" aria-hidden="true" />
                Trash
              </a>
            </li>
            <li>
              <a href="/devices" onClick={linkClick} aria-current={current('/devices')}>
                <span class="icon icon-device" aria-hidden="true" />
                Devices
              </a>
            </li>
            <li>
              <a href="/account" onClick={linkClick} aria-current={current('/account')}>
                <span class="i i-account" aria-hidden="true" />
                Account
              </a>
            </li>
            {info?.graphiqlEnabled !== false && (
              <li>
                <a href="/graphql">
                  <span class="icon icon-code" aria-hidden="true" />
                  Playground
                </a>
              </li>
            )}
          </ul>
          {me && <Usage me={me} />}
        </nav>
        <main class="content">{children}</main>
      </div>
      <Notice />
    </div>
  );
}

export function App() {
  const [token, setTokenState] = useState(getToken());
  const [me, setMe] = useState<Me | null>(null);
  const location = useLocation();
  const info = useServerInfo();
  useEffect(
    () =>
      onTokenChange((next) => {
        // Another account's (or nobody's) session: nothing of the last one stays cached.
        clearStore();
        setTokenState(next);
      }),
    [],
  );

  useEffect(() => {
    if (!token) {
      setMe(null);
      return;
    }
    const load = () =>
      request(MeQuery)
        .then((data) => setMe(data.me))
        .catch(() => undefined);
    void load();
    window.addEventListener(CHANGED_EVENT, load);
    // What another device or member does shows without a reload: the changed entries go
    // into the store at once; the trash, search results and usage follow (a burst is one refresh).
    let pending = 0;
    const stop = followChanges({
      token,
      onChange: (changes) => {
        applyChanges(changes);
        window.clearTimeout(pending);
        pending = window.setTimeout(afterWrite, 150);
      },
    });
    return () => {
      window.removeEventListener(CHANGED_EVENT, load);
      window.clearTimeout(pending);
      stop();
    };
  }, [token]);

  const { pathname, search } = location;
  const banner = <MemoryBanner info={info} />;
  if (pathname.startsWith('/s/')) {
    return (
      <>
        {banner}
        <SharePage token={pathname.slice(3)} path={search.get('path') ?? ''} />
      </>
    );
  }
  const flow = pathname.startsWith('/login-flow/') ? decodeURIComponent(pathname.slice(12)) : null;
  if (!token) {
    // Signed out on an app's grant page: the sign-in form, then the grant page again (same URL).
    return (
      <>
        {banner}
        <SignIn info={info} purpose={flow ? 'An app asks to connect to your account: sign in first.' : null} />
      </>
    );
  }
  if (flow !== null) {
    return (
      <>
        {banner}
        <LoginFlow token={flow} />
      </>
    );
  }

  let page;
  if (pathname === '/trash') page = <Trash />;
  else if (pathname === '/shared') page = <SharedWithMe />;
  else if (pathname === '/devices') page = <Devices />;
  else if (pathname === '/account') page = <Account username={me?.username ?? null} />;
  else if (pathname === '/search') page = <Search query={search.get('q') ?? ''} />;
  else page = <Browser path={pathFromUrl(pathname)} />;
  return (
    <>
      {banner}
      <Shell me={me} info={info} query={pathname === '/search' ? search.get('q') ?? '' : ''}>
        {page}
      </Shell>
    </>
  );
}
