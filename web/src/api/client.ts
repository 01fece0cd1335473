// A small fetch wrapper for typed operations, and XMLHttpRequest uploads (fetch
// cannot report upload progress) in the GraphQL multipart request format.
import type { TypedDocumentString } from '../gql/graphql';
import { getToken, setToken } from '../lib/session';

export const ENDPOINT = '/graphql';

export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export function resultOf<T>(body: GraphQLResponse<T>, status: number): T {
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? null;
    if (code === 'UNAUTHENTICATED' && getToken()) setToken(null);
    throw new RequestError(first.message || 'The server refused the request.', code);
  }
  if (body.data == null) throw new RequestError(`The server answered ${status}.`);
  return body.data;
}

export function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  return send(document, variables);
}

/** `request`, ended by `signal`: a stale answer (the folder changed meanwhile) never lands. */
export async function send<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders() },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal,
    });
  } catch (failure) {
    if (signal?.aborted) throw failure;
    throw new RequestError('Could not reach the server. Check the connection and try again.');
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new RequestError(`The server answered ${response.status} without a result.`);
  }
  return resultOf(body, response.status);
}

export interface UploadHandle<T> {
  promise: Promise<T>;
  cancel: () => void;
}

export class UploadCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'UploadCancelled';
  }
}

/** The multipart body of the GraphQL multipart request spec, one file in `variables[fileVar]`. */
export function multipartBody(
  query: string,
  variables: Record<string, unknown>,
  fileVar: string,
  file: Blob,
  fileName: string,
): FormData {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, [fileVar]: null } }));
  form.append('map', JSON.stringify({ '0': [`variables.${fileVar}`] }));
  form.append('0', file, fileName);
  return form;
}

export function upload<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: Omit<TVariables, 'file'>,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle<TResult> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<TResult>((resolve, reject) => {
    xhr.open('POST', ENDPOINT);
    xhr.setRequestHeader('GraphQL-Require-Preflight', '1');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as GraphQLResponse<TResult> | null;
      if (!body) {
        reject(new RequestError(`The server answered ${xhr.status} without a result.`));
        return;
      }
      try {
        resolve(resultOf(body, xhr.status));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new RequestError('The upload failed: the connection was lost.'));
    xhr.onabort = () => reject(new UploadCancelled());
    xhr.send(
      multipartBody(document.toString(), variables as Record<string, unknown>, 'file', file, file.name),
    );
  });
  return { promise, cancel: () => xhr.abort() };
}
