// Files over 8 MiB go through tus 1.0.0 (the server's /tus/) with tus-js-client: resumable
// across a dropped connection (retries with backoff) and across a page reload (the upload
// URL is kept in localStorage under the file's fingerprint; choosing the same file again
// continues from the server's offset). tus-js-client is loaded with a dynamic import, only
// when a big file is uploaded: the main screen's bundle does not carry it.
import type { DetailedError, HttpRequest, HttpResponse, PreviousUpload, Upload } from 'tus-js-client';
import { UploadCancelled } from '../api/client';
import { describeError } from './errors';
import { getToken, setToken } from './session';
import type { OnProgress, Starter } from './uploads';

/** Files larger than this go through tus; the rest keep the GraphQL multipart upload. */
export const TUS_THRESHOLD = 8 * 1024 * 1024;
export const TUS_PATH = '/tus/';
/**
 * Bytes per PATCH: 8 of the server's 4 MiB blocks (it saves its progress every 8 blocks,
 * and when a connection is cut), so no chunk leaves a short block to stage.
 */
export const CHUNK_SIZE = 32 * 1024 * 1024;
/** Waits before each retry after a network error or a server hiccup (the count resets on progress). */
export const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000];

export function usesTus(size: number): boolean {
  return size > TUS_THRESHOLD;
}

/** Where a file goes and what a name clash does (the Replace / Keep both dialog's outcome). */
export interface TusTarget {
  parentId: string;
  /** true: "Replace" (OVERWRITE: the file gains a version); false: "Keep both" (ADD, autorename). */
  replace: boolean;
}

/** `Upload-Metadata`: the same write as uploadFile's `mode` and `autorename`. */
export function tusMetadata(file: Pick<File, 'name'>, { parentId, replace }: TusTarget): Record<string, string> {
  return {
    filename: file.name,
    parentId,
    mode: replace ? 'OVERWRITE' : 'ADD',
    autorename: replace ? 'false' : 'true',
  };
}

/**
 * The key under which the upload URL is kept: the file (name, type, size, modification
 * time), the server and the write it makes. Choosing the same file for the same folder
 * and outcome finds the earlier upload; a different outcome starts a new one.
 */
export function fingerprintOf(
  file: Pick<File, 'name' | 'type' | 'size' | 'lastModified'>,
  target: TusTarget,
  endpoint: string,
): string {
  const write = target.replace ? 'overwrite' : 'add';
  return ['dropbox-lite-tus', file.name, file.type, file.size, file.lastModified, endpoint, target.parentId, write].join(
    '-',
  );
}

/** The server's JSON refusal: `{"errors": [{"message", "extensions": {"code"}}], "correctOffset"?}`. */
export interface TusErrorBody {
  errors?: { message?: string; extensions?: { code?: string } }[];
  correctOffset?: number;
}

export function parseBody(text: string | null | undefined): TusErrorBody | null {
  if (!text) return null;
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' ? (body as TusErrorBody) : null;
  } catch {
    return null;
  }
}

/** Error codes as the GraphQL union members name them, for the same fallback sentences. */
const TYPENAMES: Record<string, string> = {
  NAME_TAKEN: 'NameTakenError',
  INVALID_NAME: 'InvalidNameError',
  QUOTA_EXCEEDED: 'QuotaExceededError',
  FILE_TOO_LARGE: 'FileTooLargeError',
  CONFLICT: 'ConflictError',
  PERMISSION_DENIED: 'PermissionDeniedError',
};
const BY_STATUS: Record<number, string> = {
  401: 'You are signed out. Sign in again, then choose the file again to resume.',
  403: 'You may not change this: the folder is shared with you as a Viewer.',
  404: 'The folder is gone.',
  507: 'There is not enough space left in your storage.',
};
export const CONNECTION_LOST =
  'The upload stopped: the server could not be reached. Choose the file again to resume where it stopped.';

/**
 * The sentence for a refused tus request, as the multipart path words it: the server's own
 * message (the same domain error uploadFile answers with), else the error's usual sentence.
 * `status` 0 means no answer at all (the connection).
 */
export function tusErrorMessage(status: number, body: TusErrorBody | null): string {
  if (status === 0) return CONNECTION_LOST;
  const first = body?.errors?.[0];
  const code = first?.extensions?.code ?? '';
  if (first?.message || TYPENAMES[code]) return describeError({ __typename: TYPENAMES[code], message: first?.message });
  if (status === 413) return describeError({ __typename: 'FileTooLargeError' });
  return BY_STATUS[status] ?? `The upload failed: the server answered ${status}.`;
}

/**
 * Whether tus-js-client should try again: no answer (network), a server hiccup (5xx but
 * 507, the quota), 423/429, or a 409 that is a wrong offset (another request moved it: a HEAD
 * finds where to go on). A refusal of the file itself (name, conflict, quota) is final.
 */
export function shouldRetry(status: number, body: TusErrorBody | null): boolean {
  if (status === 0) return true;
  if (status === 409) return body?.correctOffset != null || body?.errors?.[0]?.extensions?.code === 'INCORRECT_OFFSET';
  if (status === 423 || status === 429) return true;
  return status >= 500 && status !== 507;
}

/** The status and body of a tus-js-client error (0 and null when no answer came). */
function refusalOf(error: unknown): { status: number; body: TusErrorBody | null } {
  const response = (error as Partial<DetailedError> | null)?.originalResponse ?? null;
  if (!response) return { status: 0, body: null };
  return { status: response.getStatus(), body: parseBody(response.getBody()) };
}

function signedOutBy(status: number, body: TusErrorBody | null): void {
  if (status === 401 && body?.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && getToken()) setToken(null);
}

function endpoint(): string {
  return new URL(TUS_PATH, window.location.href).toString();
}

/**
 * The upload's last answer names the file it became (`X-Entry-Id`); a resumed upload whose
 * bytes were all in but whose commit was refused before (a HEAD with no X-Entry-Id) is
 * committed again by an empty PATCH at its final offset. Resolves to a refusal's sentence,
 * or null once the file is committed.
 */
async function committed(url: string, last: HttpResponse, size: number): Promise<string | null> {
  if (last.getHeader('X-Entry-Id')) return null;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'PATCH',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': String(size),
        'Content-Type': 'application/offset+octet-stream',
        ...(getToken() ? { Authorization: `Bearer ${getToken()}` } : {}),
      },
    });
  } catch {
    return CONNECTION_LOST;
  }
  if (response.ok && response.headers.get('X-Entry-Id')) return null;
  const body = parseBody(await response.text().catch(() => null));
  signedOutBy(response.status, body);
  return tusErrorMessage(response.status, body);
}

/**
 * One tus upload with the queue's contract: progress (with the offset it resumed at),
 * a promise of the outcome's sentence (null: committed), and cancel, which ends the upload
 * on the server (DELETE) and forgets it here.
 */
export function startTusUpload(
  file: File,
  target: TusTarget,
  onProgress: OnProgress,
): { promise: Promise<string | null>; cancel: () => void } {
  let upload: Upload | null = null;
  let cancelled = false;
  let rejectCancelled: ((error: Error) => void) | null = null;
  const promise = new Promise<string | null>((resolve, reject) => {
    rejectCancelled = reject;
    void (async () => {
      const tus = await import('tus-js-client');
      if (cancelled) return;
      // Only the first answer says whether this is a resumption: a HEAD (an earlier page's
      // upload, taken up again) rather than the POST that creates one. HEADs after a retry
      // within this page do not move the mark: the bytes since were sent by this page.
      let first = true;
      const size = file.size;
      const current = new tus.Upload(file, {
        endpoint: endpoint(),
        chunkSize: CHUNK_SIZE,
        retryDelays: RETRY_DELAYS,
        metadata: tusMetadata(file, target),
        fingerprint: (input) => Promise.resolve(fingerprintOf(input as File, target, endpoint())),
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onBeforeRequest: (request: HttpRequest) => {
          const token = getToken();
          if (token) request.setHeader('Authorization', `Bearer ${token}`);
        },
        onAfterResponse: (request: HttpRequest, response: HttpResponse) => {
          if (!first) return;
          first = false;
          if (request.getMethod() !== 'HEAD' || response.getStatus() !== 200) return;
          const offset = Number.parseInt(response.getHeader('Upload-Offset') ?? '', 10);
          if (Number.isFinite(offset) && offset > 0) onProgress(offset, size, offset);
        },
        onShouldRetry: (error: DetailedError) => {
          const { status, body } = refusalOf(error);
          return shouldRetry(status, body);
        },
        onProgress: (sent: number, total: number) => onProgress(sent, total),
        onError: (error: Error) => {
          const { status, body } = refusalOf(error);
          signedOutBy(status, body);
          resolve(tusErrorMessage(status, body));
        },
        onSuccess: ({ lastResponse }) => {
          const url = current.url;
          if (url === null) {
            resolve(null);
            return;
          }
          void committed(url, lastResponse, size).then(resolve);
        },
      });
      upload = current;
      const previous: PreviousUpload[] = await current.findPreviousUploads();
      if (cancelled) return;
      // The newest one: an older entry of the same file was left by an upload cut off sooner.
      const latest = previous.sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime))[0];
      if (latest) current.resumeFromPreviousUpload(latest);
      current.start();
    })().catch((error: unknown) => {
      if (!cancelled) reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
  return {
    promise,
    cancel: () => {
      cancelled = true;
      // Termination: the server drops the bytes it has; the stored URL is forgotten.
      void upload?.abort(true).catch(() => undefined);
      rejectCancelled?.(new UploadCancelled());
    },
  };
}

/**
 * The upload queue's starter for the file manager: files over TUS_THRESHOLD through tus,
 * the others through `multipart` (the GraphQL upload, unchanged).
 */
export function bigFilesByTus<T extends TusTarget>(multipart: Starter<T>): Starter<T> {
  return (file, target, onProgress) =>
    usesTus(file.size) ? startTusUpload(file, target, onProgress) : multipart(file, target, onProgress);
}
