import { describe, expect, it } from 'vitest';
import { foldersToMake, placedFromInput } from './folders';

function fileAt(path: string): File {
  const file = new File(['x'], path.split('/').pop() ?? path);
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

describe('folder uploads', () => {
  it('place each file in its folder, and make parents first', () => {
    const placed = placedFromInput([fileAt('Trip/day 1/a.jpg'), fileAt('Trip/b.txt'), fileAt('Trip/day 2/x/c.txt')]);
    expect(placed.map((p) => p.dir)).toEqual(['Trip/day 1', 'Trip', 'Trip/day 2/x']);
    expect(foldersToMake(placed)).toEqual(['Trip', 'Trip/day 1', 'Trip/day 2', 'Trip/day 2/x']);
  });
});
