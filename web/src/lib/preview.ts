export type PreviewKind = 'image' | 'pdf' | 'text' | 'audio' | 'video' | 'none';

/** The first MiB of a text file is shown; the rest is for Download. */
export const TEXT_PREVIEW_BYTES = 1024 * 1024;

const TEXT_EXTENSIONS = new Set(
  (
    'txt md markdown csv tsv log json yaml yml toml ini cfg conf xml html htm css js mjs cjs ts tsx jsx py rb go rs ' +
    'java kt c h cc cpp hpp cs php sh bash zsh sql graphql gql svg tex rst env gitignore dockerfile makefile'
  ).split(' '),
);
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name.toLowerCase() : name.slice(dot + 1).toLowerCase();
}

/** How a file can be shown in the browser: by its type, else by its name. */
export function previewKind(name: string, mimeType: string | null | undefined): PreviewKind {
  const type = (mimeType ?? '').toLowerCase().split(';')[0].trim();
  if (IMAGE_TYPES.has(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  // SVG is shown as its text: as an image it would be a document of its own.
  if (type.startsWith('text/') || type === 'application/json' || type === 'image/svg+xml') return 'text';
  const ext = extension(name);
  if (['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp'].includes(ext)) return 'image';
  if (ext === 'pdf') return 'pdf';
  if (['mp3', 'ogg', 'oga', 'wav', 'flac', 'm4a', 'opus'].includes(ext)) return 'audio';
  if (['mp4', 'webm', 'ogv', 'mov', 'm4v'].includes(ext)) return 'video';
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  return 'none';
}

/** The text of the first bytes: a character cut at the end is dropped, not shown broken. */
export function decodeStart(bytes: Uint8Array, truncated: boolean): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes, { stream: truncated });
  return text;
}
