// Folder paths ("/a/b") <-> the app's browse URLs ("/browse/a/b"), and breadcrumbs.

export interface Crumb {
  name: string;
  path: string;
}

export function browseUrl(path: string): string {
  const parts = splitPath(path);
  return parts.length === 0 ? '/' : `/browse/${parts.map(encodeURIComponent).join('/')}`;
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part.length > 0);
}

/** The folder path a browse URL's pathname shows ("/" for the root). */
export function pathFromUrl(pathname: string): string {
  const rest = pathname.replace(/^\/browse\/?/, '');
  const parts = rest
    .split('/')
    .filter((part) => part.length > 0)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  return `/${parts.join('/')}`;
}

export function breadcrumb(path: string): Crumb[] {
  const parts = splitPath(path);
  const crumbs: Crumb[] = [{ name: 'All files', path: '/' }];
  parts.forEach((name, index) => crumbs.push({ name, path: `/${parts.slice(0, index + 1).join('/')}` }));
  return crumbs;
}

export function parentPath(path: string): string {
  const parts = splitPath(path);
  return `/${parts.slice(0, -1).join('/')}`;
}

/** A path typed by a person ("Docs/", " /a//b ") in the server's form ("/Docs", "/a/b"). */
export function normalizePath(typed: string): string {
  return `/${splitPath(typed.trim()).join('/')}`;
}
