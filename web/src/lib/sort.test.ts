import { describe, expect, it } from 'vitest';
import { nextOrder, sortEntries } from './sort';

const e = (name: string, folder: boolean, size = 0, modifiedAt = '2024-01-01T00:00:00Z') => ({
  __typename: folder ? 'Folder' : 'File',
  name,
  size,
  modifiedAt,
});

describe('sortEntries', () => {
  const list = [e('file 10', false, 5), e('b', true), e('file 2', false, 50), e('A', true)];
  it('puts folders first and names in reading order', () => {
    expect(sortEntries(list, { key: 'name', descending: false }).map((x) => x.name)).toEqual([
      'A',
      'b',
      'file 2',
      'file 10',
    ]);
  });
  it('sorts files by size, descending, folders still first', () => {
    expect(sortEntries(list, { key: 'size', descending: true }).map((x) => x.name)).toEqual([
      'b',
      'A',
      'file 2',
      'file 10',
    ]);
  });
  it('turns the order round on a second click', () => {
    expect(nextOrder({ key: 'name', descending: false }, 'name')).toEqual({ key: 'name', descending: true });
    expect(nextOrder({ key: 'name', descending: true }, 'size')).toEqual({ key: 'size', descending: false });
  });
});
