// Folders chosen with "Upload folder" (webkitdirectory) or dropped on the page keep
// their structure: the folders are made first, then each file goes into its own.

export interface Placed {
  file: File;
  /** The folder it goes in, relative to where it was dropped ("" for right there). */
  dir: string;
}

/** Files of an <input webkitdirectory>: their relative paths name their folders. */
export function placedFromInput(files: Iterable<File>): Placed[] {
  return Array.from(files, (file) => {
    const path = file.webkitRelativePath || file.name;
    return { file, dir: path.split('/').slice(0, -1).join('/') };
  });
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in batches (100 in Chromium) until an empty one.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, dir: string, out: Placed[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ file, dir });
  } else if (entry.isDirectory) {
    const inside = dir ? `${dir}/${entry.name}` : entry.name;
    const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
    if (children.length === 0) out.push({ file: new File([], ''), dir: inside }); // an empty folder
    for (const child of children) await walk(child, inside, out);
  }
}

/** What was dropped, folders walked; null when only files were dropped. */
export async function placedFromDrop(items: DataTransferItemList | undefined): Promise<Placed[] | null> {
  if (!items) return null;
  const entries = Array.from(items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (!entries.some((entry) => entry?.isDirectory)) return null;
  const out: Placed[] = [];
  for (const entry of entries) if (entry) await walk(entry, '', out);
  return out;
}

/** Every folder the files need, parents before children ("a", "a/b", ...). */
export function foldersToMake(placed: Placed[]): string[] {
  const all = new Set<string>();
  for (const { dir } of placed) {
    const parts = dir ? dir.split('/') : [];
    for (let end = 1; end <= parts.length; end += 1) all.add(parts.slice(0, end).join('/'));
  }
  return [...all].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}
