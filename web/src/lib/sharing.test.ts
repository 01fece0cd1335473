import { describe, expect, it } from 'vitest';
import { describeShareError } from '../components/PeopleDialog';
import {
  canChange,
  canWriteInside,
  describeMembers,
  describeRole,
  hasPeople,
  isMount,
  isShareRoot,
  type Shared,
  sharedBy,
  shareUrl,
} from './sharing';

const viewer: Shared = { ownerUsername: 'alice', yourRole: 'VIEWER', youOwn: false, folderId: 'm1' };
const editor: Shared = { ...viewer, yourRole: 'EDITOR' };
const owner: Shared = { ownerUsername: 'alice', yourRole: 'EDITOR', youOwn: true, folderId: 'f1' };

describe('shared folders', () => {
  it('know the shared folder itself from an entry inside it', () => {
    expect(isShareRoot({ id: 'm1', shared: viewer })).toBe(true);
    expect(isShareRoot({ id: 'x', shared: viewer })).toBe(false);
    expect(isShareRoot({ id: 'x' })).toBe(false);
    expect(isMount({ id: 'm1', shared: viewer })).toBe(true);
    expect(isMount({ id: 'f1', shared: owner })).toBe(false);
  });

  it('let a viewer change only their own mount', () => {
    expect(canChange({ id: 'x', shared: viewer })).toBe(false);
    expect(canChange({ id: 'm1', shared: viewer })).toBe(true);
    expect(canChange({ id: 'x', shared: editor })).toBe(true);
    expect(canChange({ id: 'x', shared: null })).toBe(true);
    expect(canWriteInside(viewer)).toBe(false);
    expect(canWriteInside(editor)).toBe(true);
    expect(canWriteInside(owner)).toBe(true);
    expect(canWriteInside(null)).toBe(true);
  });

  it('offer People on folders that are not inside another shared folder', () => {
    expect(hasPeople({ __typename: 'Folder', id: 'a' })).toBe(true);
    expect(hasPeople({ __typename: 'Folder', id: 'm1', shared: viewer })).toBe(true);
    expect(hasPeople({ __typename: 'Folder', id: 'sub', shared: viewer })).toBe(false);
    expect(hasPeople({ __typename: 'File', id: 'a' })).toBe(false);
    expect(hasPeople({ __typename: 'Folder', id: 'a', trashed: true })).toBe(false);
  });

  it('are described in words', () => {
    expect(sharedBy(viewer)).toBe('Shared by alice');
    expect(sharedBy(owner)).toBe('Shared by you');
    const members = [
      { user: { username: 'alice' }, role: 'EDITOR' as const, isOwner: true },
      { user: { username: 'bob' }, role: 'VIEWER' as const, isOwner: false },
      { user: { username: 'carol' }, role: 'EDITOR' as const, isOwner: false },
    ];
    expect(describeMembers(members, 'bob')).toBe('bob (you, Viewer), carol (Editor)');
    expect(describeMembers(members.slice(0, 1), 'alice')).toBe('nobody yet');
    expect(describeRole(viewer)).toMatch(/^alice shared this folder with you as a Viewer: .*not change/);
    expect(describeRole(editor)).toMatch(/as an Editor: you can add/);
  });

  it('name the user asked for when there is no such user', () => {
    expect(describeShareError({ __typename: 'NotFoundError', message: 'Not found.' }, 'zed')).toBe(
      'There is no user called “zed”.',
    );
    expect(describeShareError({ __typename: 'InvalidInputError', message: 'You cannot share with yourself.' }, 'a')).toBe(
      'You cannot share with yourself.',
    );
    expect(describeShareError({ __typename: 'PermissionDeniedError' }, 'a')).toMatch(/Viewer/);
  });
});

describe('share links', () => {
  it('keep the server URL when it names a host', () => {
    expect(shareUrl('https://files.example.org/s/abc', 'abc', 'http://127.0.0.1:8000')).toBe('https://files.example.org/s/abc');
  });
  it('use the browser origin when the server listens on every interface', () => {
    expect(shareUrl('http://0.0.0.0:8000/s/abc', 'abc', 'http://192.168.1.5:8000')).toBe('http://192.168.1.5:8000/s/abc');
    expect(shareUrl('http://[::]:8000/s/abc', 'abc', 'http://nas.local:8000')).toBe('http://nas.local:8000/s/abc');
  });
  it('a listed link (its url, no token) moves to the browser origin the same way', () => {
    expect(shareUrl('http://0.0.0.0:8000/s/x-y_z', null, 'http://192.168.1.5:8000')).toBe('http://192.168.1.5:8000/s/x-y_z');
    expect(shareUrl('https://files.example.org/s/x', null, 'http://127.0.0.1:8000')).toBe('https://files.example.org/s/x');
  });
});
