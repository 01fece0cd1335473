import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeopleDialog } from './PeopleDialog';

type Answer = (variables: Record<string, unknown>) => unknown;

const alice = { user: { username: 'alice' }, role: 'EDITOR', isOwner: true };
const bob = { user: { username: 'bob' }, role: 'VIEWER', isOwner: false };
const ownerView = { ownerUsername: 'alice', yourRole: 'EDITOR', youOwn: true, folderId: 'f1' };

let root: HTMLElement;
let sent: { operation: string; variables: Record<string, unknown> }[];

/** Answers each GraphQL operation by its name, recording what was sent. */
function serve(answers: Record<string, Answer>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(String(init.body)) as {
        query: string;
        variables: Record<string, unknown>;
      };
      const operation = /(?:query|mutation) (\w+)/.exec(query)?.[1] ?? '';
      sent.push({ operation, variables });
      const answer = answers[operation];
      if (!answer) throw new Error(`unexpected ${operation}`);
      return new Response(JSON.stringify(answer(variables)), { headers: { 'Content-Type': 'application/json' } });
    }),
  );
}

function folder(members: unknown[], shared: unknown) {
  return {
    data: {
      me: { username: shared && !(shared as { youOwn: boolean }).youOwn ? 'bob' : 'alice' },
      entry: { __typename: 'Folder', id: 'f1', name: 'Projects', path: '/Projects', shared, members },
    },
  };
}

/** Waits (polling, no fixed delay) until the dialog shows what `check` looks for. */
async function until(check: () => boolean) {
  await vi.waitFor(
    () => {
      if (!check()) throw new Error('not yet');
    },
    { timeout: 20_000, interval: 5 },
  );
}

const text = (selector: string) => root.querySelector(selector)?.textContent ?? null;
const loaded = () => until(() => root.querySelector('.member-list, .member-form') !== null);

function button(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((candidate) => candidate.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

async function add(username: string, role: 'EDITOR' | 'VIEWER', sends = true) {
  const input = root.querySelector<HTMLInputElement>('#member-username')!;
  const select = root.querySelector<HTMLSelectElement>('#member-role')!;
  await act(() => {
    input.value = username;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    select.value = role;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const before = sent.length;
  await act(() => button('Add').click());
  await until(() => (sent.length > before || !sends) && !button('Add').disabled);
}

beforeEach(() => {
  sent = [];
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  // Unmounted inside act: the dialog's effect cleanups run now, not on a timer that
  // could fire after the test environment is torn down.
  act(() => render(null, root));
  root.remove();
  vi.unstubAllGlobals();
});

// Waits poll for what the dialog shows; the generous timeout is for a loaded machine only.
describe('PeopleDialog', { timeout: 30_000 }, () => {
  it('lets the owner add someone, then focuses the Username field again', async () => {
    serve({
      FolderMembers: () => (sent.length > 1 ? folder([alice, bob], ownerView) : folder([], null)),
      ShareFolder: () => ({ data: { shareFolder: { __typename: 'Folder', id: 'f1', members: [alice, bob] } } }),
    });
    render(<PeopleDialog folder={{ id: 'f1', name: 'Projects' }} onClose={() => {}} onChanged={() => {}} />, root);
    await loaded();
    expect(root.textContent).toContain('Only you.');
    await until(() => document.activeElement?.id === 'member-username');
    await add('bob', 'VIEWER');
    await until(() => root.querySelector('select[aria-label="Role of bob"]') !== null);
    expect(sent.find((s) => s.operation === 'ShareFolder')?.variables).toEqual({
      folderId: 'f1',
      username: 'bob',
      role: 'VIEWER',
    });
    expect(root.querySelector('[role=status]')?.textContent).toBe('Added bob as a Viewer.');
    expect([...root.querySelectorAll('li[data-member]')].map((li) => li.getAttribute('data-member'))).toEqual([
      'alice',
      'bob',
    ]);
    expect(root.querySelector('li[data-member=alice]')?.textContent).toContain('Owner');
    expect(root.querySelector<HTMLSelectElement>('select[aria-label="Role of bob"]')?.value).toBe('VIEWER');
    await until(() => document.activeElement?.id === 'member-username');
  });

  it('names the unknown user and shows the reason of a refusal', async () => {
    let answer: unknown = { __typename: 'NotFoundError', message: 'Not found.', code: 'NOT_FOUND' };
    serve({
      FolderMembers: () => folder([], null),
      ShareFolder: () => ({ data: { shareFolder: answer } }),
    });
    render(<PeopleDialog folder={{ id: 'f1', name: 'Projects' }} onClose={() => {}} onChanged={() => {}} />, root);
    await loaded();
    await add('zed', 'EDITOR');
    await until(() => text('[role=alert]') !== null);
    expect(root.querySelector('[role=alert]')?.textContent).toBe('There is no user called “zed”.');
    answer = { __typename: 'InvalidInputError', message: 'You cannot share a folder with yourself.', code: 'X' };
    await add('alice', 'EDITOR');
    await until(() => text('[role=alert]') !== 'There is no user called “zed”.');
    expect(root.querySelector('[role=alert]')?.textContent).toBe('You cannot share a folder with yourself.');
    await add('  ', 'EDITOR', false);
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Type the username of the person to add.');
    expect(sent.filter((s) => s.operation === 'ShareFolder')).toHaveLength(2);
  });

  it('changes a role and removes a member', async () => {
    let members = [alice, bob];
    serve({
      FolderMembers: () => folder(members, ownerView),
      UpdateMember: () => ({
        data: { updateMember: { __typename: 'Folder', id: 'f1', members: [alice, { ...bob, role: 'EDITOR' }] } },
      }),
      RemoveMember: () => {
        members = [];
        return { data: { removeMember: true } };
      },
    });
    const changed = vi.fn();
    render(<PeopleDialog folder={{ id: 'f1', name: 'Projects' }} onClose={() => {}} onChanged={changed} />, root);
    await loaded();
    const select = root.querySelector<HTMLSelectElement>('select[aria-label="Role of bob"]')!;
    await act(() => {
      select.value = 'EDITOR';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => text('[role=status]') !== null);
    expect(root.querySelector('[role=status]')?.textContent).toBe('bob is now an Editor.');
    await act(() => button('Remove').click());
    await until(() => root.querySelector('li[data-member=bob]') === null);
    expect(sent.at(-2)).toEqual({ operation: 'RemoveMember', variables: { folderId: 'f1', username: 'bob' } });
    expect(root.querySelector('li[data-member=bob]')).toBeNull();
    expect(changed).toHaveBeenCalledTimes(2);
    expect(changed).toHaveBeenCalledWith(false);
  });

  it('shows a member the people read-only, and lets them leave after a second thought', async () => {
    serve({
      FolderMembers: () =>
        folder([alice, bob], { ownerUsername: 'alice', yourRole: 'VIEWER', youOwn: false, folderId: 'f1' }),
      LeaveFolder: () => ({ data: { leaveFolder: true } }),
    });
    const changed = vi.fn();
    const closed = vi.fn();
    render(<PeopleDialog folder={{ id: 'f1', name: 'Projects' }} onClose={closed} onChanged={changed} />, root);
    await loaded();
    expect(root.querySelector('input, select')).toBeNull();
    expect(root.textContent).toContain('alice shared this folder with you as a Viewer');
    expect(root.querySelector('li[data-member=bob]')?.textContent).toBe('bob (you)Viewer');
    await act(() => button('Leave folder').click());
    await until(() => document.activeElement?.textContent === 'Stay');
    await act(() => button('Stay').click());
    await until(() => document.activeElement?.textContent === 'Leave folder');
    await act(() => button('Leave folder').click());
    const confirm = [...root.querySelectorAll('button')].find((b) => b.className === 'danger')!;
    await act(() => confirm.click());
    await until(() => closed.mock.calls.length > 0);
    expect(sent.at(-1)).toEqual({ operation: 'LeaveFolder', variables: { folderId: 'f1' } });
    expect(changed).toHaveBeenCalledWith(true);
    expect(closed).toHaveBeenCalled();
  });

  it('says so when the server refuses a removal', async () => {
    serve({
      FolderMembers: () => folder([alice, bob], ownerView),
      RemoveMember: () => ({
        data: null,
        errors: [{ message: 'Only the owner can remove members.', extensions: { code: 'PERMISSION_DENIED' } }],
      }),
    });
    render(<PeopleDialog folder={{ id: 'f1', name: 'Projects' }} onClose={() => {}} onChanged={() => {}} />, root);
    await loaded();
    await act(() => button('Remove').click());
    await until(() => text('[role=alert]') !== null);
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Only the owner can remove members.');
  });
});
