/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What went wrong, for clients that branch on a code. */
export type ErrorCode =
  | 'CHECKSUM_MISMATCH'
  | 'CONFLICT'
  | 'FILE_TOO_LARGE'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_INPUT'
  | 'INVALID_MOVE'
  | 'INVALID_NAME'
  | 'MERGE_FAILED'
  | 'NAME_TAKEN'
  | 'NOT_FOUND'
  | 'PASSWORD_REQUIRED'
  | 'QUOTA_EXCEEDED'
  | 'RATE_LIMITED'
  | 'USERNAME_TAKEN'
  | 'WRONG_PASSWORD';

/** What a share link lets visitors do. */
export type ShareAccess =
  | 'EDITOR'
  | 'VIEWER';

type EntryFields_File_Fragment = { __typename: 'File', size: number, rev: number, mimeType: string, id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean };

type EntryFields_Folder_Fragment = { __typename: 'Folder', id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean };

export type EntryFieldsFragment =
  | EntryFields_File_Fragment
  | EntryFields_Folder_Fragment
;

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, usage: { usedBytes: number, quotaBytes: number | null } } | null };

export type SignupMutationVariables = Exact<{
  username: string;
  password: string;
  deviceName?: string | null | undefined;
  inviteCode?: string | null | undefined;
}>;


export type SignupMutation = { signup:
    | { __typename: 'AuthPayload', token: string, user: { id: string, username: string } }
    | { __typename: 'InvalidInputError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'SignupRefusedError', policy: string, message: string, code: ErrorCode }
    | { __typename: 'UsernameTakenError', message: string, code: ErrorCode }
   };

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
  deviceName?: string | null | undefined;
}>;


export type LoginMutation = { login:
    | { __typename: 'AuthPayload', token: string, user: { id: string, username: string } }
    | { __typename: 'InvalidCredentialsError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
   };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type RootFolderQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type RootFolderQuery = { folder: { __typename: 'Folder', id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean, children: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
          | { __typename: 'File', size: number, rev: number, mimeType: string, id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean }
          | { __typename: 'Folder', id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean }
         }> } } };

export type FolderByPathQueryVariables = Exact<{
  path: string;
  first: number;
  after?: string | null | undefined;
}>;


export type FolderByPathQuery = { entry:
    | { __typename: 'File', size: number, rev: number, mimeType: string, id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean }
    | { __typename: 'Folder', id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean, children: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
            | { __typename: 'File', size: number, rev: number, mimeType: string, id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean }
            | { __typename: 'Folder', id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean }
           }> } }
   | null };

export type SearchQueryVariables = Exact<{
  query: string;
}>;


export type SearchQuery = { search: Array<
    | { __typename: 'File', size: number, rev: number, mimeType: string, id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean }
    | { __typename: 'Folder', id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean }
  > };

export type TrashQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type TrashQuery = { trash: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
        | { __typename: 'File', size: number, rev: number, mimeType: string, id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean }
        | { __typename: 'Folder', id: string, name: string, path: string, parentId: string | null, modifiedAt: string, trashed: boolean }
       }> } };

export type CreateFolderMutationVariables = Exact<{
  parentId?: string | number | null | undefined;
  name: string;
}>;


export type CreateFolderMutation = { createFolder:
    | { __typename: 'Folder', id: string, name: string, path: string }
    | { __typename: 'InvalidNameError', message: string, code: ErrorCode }
    | { __typename: 'NameTakenError', message: string, code: ErrorCode }
   };

export type RenameEntryMutationVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type RenameEntryMutation = { renameEntry:
    | { __typename: 'File', id: string, name: string, path: string }
    | { __typename: 'Folder', id: string, name: string, path: string }
    | { __typename: 'InvalidNameError', message: string, code: ErrorCode }
    | { __typename: 'NameTakenError', message: string, code: ErrorCode }
   };

export type MoveEntryMutationVariables = Exact<{
  id: string | number;
  parentId: string | number;
  name?: string | null | undefined;
}>;


export type MoveEntryMutation = { moveEntry:
    | { __typename: 'File', id: string, path: string }
    | { __typename: 'Folder', id: string, path: string }
    | { __typename: 'InvalidMoveError', message: string, code: ErrorCode }
    | { __typename: 'InvalidNameError', message: string, code: ErrorCode }
    | { __typename: 'NameTakenError', message: string, code: ErrorCode }
   };

export type CopyEntryMutationVariables = Exact<{
  id: string | number;
  parentId: string | number;
  name?: string | null | undefined;
}>;


export type CopyEntryMutation = { copyEntry:
    | { __typename: 'File', id: string, path: string }
    | { __typename: 'Folder', id: string, path: string }
    | { __typename: 'InvalidMoveError', message: string, code: ErrorCode }
    | { __typename: 'InvalidNameError', message: string, code: ErrorCode }
    | { __typename: 'NameTakenError', message: string, code: ErrorCode }
    | { __typename: 'QuotaExceededError', message: string, code: ErrorCode }
   };

export type DeleteEntryMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteEntryMutation = { deleteEntry:
    | { __typename: 'File', id: string }
    | { __typename: 'Folder', id: string }
    | { __typename: 'NameTakenError', message: string, code: ErrorCode }
   };

export type RestoreEntryMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreEntryMutation = { restoreEntry:
    | { __typename: 'File', id: string, path: string }
    | { __typename: 'Folder', id: string, path: string }
    | { __typename: 'NameTakenError', message: string, code: ErrorCode }
   };

export type PurgeEntryMutationVariables = Exact<{
  id: string | number;
}>;


export type PurgeEntryMutation = { purgeEntry: boolean };

export type FolderLookupQueryVariables = Exact<{
  path: string;
}>;


export type FolderLookupQuery = { entry:
    | { __typename: 'File', id: string, path: string }
    | { __typename: 'Folder', id: string, path: string, children: { edges: Array<{ node:
            | { __typename: 'File', id: string, name: string, path: string }
            | { __typename: 'Folder', id: string, name: string, path: string }
           }> } }
   | null };

export type DownloadUrlQueryVariables = Exact<{
  id: string | number;
}>;


export type DownloadUrlQuery = { entry:
    | { downloadUrl: string }
    | Record<PropertyKey, never>
   | null };

export type RevisionsQueryVariables = Exact<{
  id: string | number;
}>;


export type RevisionsQuery = { entry:
    | { id: string, rev: number, revisions: Array<{ rev: number, size: number, createdAt: string, downloadUrl: string }> }
    | Record<PropertyKey, never>
   | null };

export type RestoreRevisionMutationVariables = Exact<{
  fileId: string | number;
  rev: number;
}>;


export type RestoreRevisionMutation = { restoreRevision:
    | { __typename: 'File', id: string, rev: number }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'QuotaExceededError', message: string, code: ErrorCode }
   };

export type ShareLinksQueryVariables = Exact<{
  entryId: string | number;
}>;


export type ShareLinksQuery = { shareLinks: Array<{ id: string, access: ShareAccess, expiresAt: string | null, hasPassword: boolean, createdAt: string, downloadCount: number }> };

export type CreateShareLinkMutationVariables = Exact<{
  entryId: string | number;
  access?: ShareAccess | null | undefined;
  expiresAt?: string | null | undefined;
  password?: string | null | undefined;
}>;


export type CreateShareLinkMutation = { createShareLink:
    | { __typename: 'InvalidInputError', message: string, code: ErrorCode }
    | { __typename: 'ShareLinkCreated', url: string, link: { id: string } }
   };

export type RevokeShareLinkMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeShareLinkMutation = { revokeShareLink: boolean };

export type SessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsQuery = { sessions: Array<{ id: string, deviceName: string | null, createdAt: string, lastSeenAt: string, current: boolean }> };

export type RevokeSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeSessionMutation = { revokeSession: boolean };

export type UploadFileMutationVariables = Exact<{
  file: File;
  parentId?: string | number | null | undefined;
}>;


export type UploadFileMutation = { uploadFile:
    | { __typename: 'ChecksumMismatchError', message: string, code: ErrorCode }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'File', id: string, name: string, path: string }
    | { __typename: 'FileTooLargeError', message: string, code: ErrorCode }
    | { __typename: 'InvalidNameError', message: string, code: ErrorCode }
    | { __typename: 'NameTakenError', message: string, code: ErrorCode }
    | { __typename: 'QuotaExceededError', message: string, code: ErrorCode }
   };

export type SharedLinkQueryVariables = Exact<{
  token: string;
  password?: string | null | undefined;
  path?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type SharedLinkQuery = { sharedLink:
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'PasswordRequiredError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'SharedEntry', name: string, path: string, isFolder: boolean, size: number | null, modifiedAt: string, access: ShareAccess, expiresAt: string | null, downloadUrl: string | null, children: { cursor: string | null, hasMore: boolean, items: Array<{ name: string, path: string, isFolder: boolean, size: number | null, modifiedAt: string, downloadUrl: string | null }> } | null }
    | { __typename: 'WrongPasswordError', message: string, code: ErrorCode }
   };

export type UploadToShareLinkMutationVariables = Exact<{
  token: string;
  password?: string | null | undefined;
  file: File;
}>;


export type UploadToShareLinkMutation = { uploadToShareLink:
    | { __typename: 'ChecksumMismatchError', message: string, code: ErrorCode }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'File', name: string, path: string }
    | { __typename: 'FileTooLargeError', message: string, code: ErrorCode }
    | { __typename: 'InvalidNameError', message: string, code: ErrorCode }
    | { __typename: 'NameTakenError', message: string, code: ErrorCode }
    | { __typename: 'QuotaExceededError', message: string, code: ErrorCode }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const EntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  ... on File {
    size
    rev
    mimeType
  }
}
    `, {"fragmentName":"EntryFields"}) as unknown as TypedDocumentString<EntryFieldsFragment, unknown>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    username
    usage {
      usedBytes
      quotaBytes
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const SignupDocument = new TypedDocumentString(`
    mutation Signup($username: String!, $password: String!, $deviceName: String, $inviteCode: String) {
  signup(
    username: $username
    password: $password
    deviceName: $deviceName
    inviteCode: $inviteCode
  ) {
    __typename
    ... on AuthPayload {
      token
      user {
        id
        username
      }
    }
    ... on SignupRefusedError {
      policy
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<SignupMutation, SignupMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($username: String!, $password: String!, $deviceName: String) {
  login(username: $username, password: $password, deviceName: $deviceName) {
    __typename
    ... on AuthPayload {
      token
      user {
        id
        username
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const RootFolderDocument = new TypedDocumentString(`
    query RootFolder($first: Int!, $after: String) {
  folder {
    ...EntryFields
    children(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...EntryFields
        }
      }
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  ... on File {
    size
    rev
    mimeType
  }
}`) as unknown as TypedDocumentString<RootFolderQuery, RootFolderQueryVariables>;
export const FolderByPathDocument = new TypedDocumentString(`
    query FolderByPath($path: String!, $first: Int!, $after: String) {
  entry(path: $path) {
    ...EntryFields
    ... on Folder {
      children(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...EntryFields
          }
        }
      }
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  ... on File {
    size
    rev
    mimeType
  }
}`) as unknown as TypedDocumentString<FolderByPathQuery, FolderByPathQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String!) {
  search(query: $query, first: 100) {
    ...EntryFields
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  ... on File {
    size
    rev
    mimeType
  }
}`) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const TrashDocument = new TypedDocumentString(`
    query Trash($first: Int!, $after: String) {
  trash(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...EntryFields
      }
    }
  }
}
    fragment EntryFields on Entry {
  __typename
  id
  name
  path
  parentId
  modifiedAt
  trashed
  ... on File {
    size
    rev
    mimeType
  }
}`) as unknown as TypedDocumentString<TrashQuery, TrashQueryVariables>;
export const CreateFolderDocument = new TypedDocumentString(`
    mutation CreateFolder($parentId: ID, $name: String!) {
  createFolder(parentId: $parentId, name: $name) {
    __typename
    ... on Folder {
      id
      name
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CreateFolderMutation, CreateFolderMutationVariables>;
export const RenameEntryDocument = new TypedDocumentString(`
    mutation RenameEntry($id: ID!, $name: String!) {
  renameEntry(id: $id, name: $name) {
    __typename
    ... on Entry {
      id
      name
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RenameEntryMutation, RenameEntryMutationVariables>;
export const MoveEntryDocument = new TypedDocumentString(`
    mutation MoveEntry($id: ID!, $parentId: ID!, $name: String) {
  moveEntry(id: $id, parentId: $parentId, name: $name) {
    __typename
    ... on Entry {
      id
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<MoveEntryMutation, MoveEntryMutationVariables>;
export const CopyEntryDocument = new TypedDocumentString(`
    mutation CopyEntry($id: ID!, $parentId: ID!, $name: String) {
  copyEntry(id: $id, parentId: $parentId, name: $name) {
    __typename
    ... on Entry {
      id
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CopyEntryMutation, CopyEntryMutationVariables>;
export const DeleteEntryDocument = new TypedDocumentString(`
    mutation DeleteEntry($id: ID!) {
  deleteEntry(id: $id) {
    __typename
    ... on Entry {
      id
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteEntryMutation, DeleteEntryMutationVariables>;
export const RestoreEntryDocument = new TypedDocumentString(`
    mutation RestoreEntry($id: ID!) {
  restoreEntry(id: $id) {
    __typename
    ... on Entry {
      id
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RestoreEntryMutation, RestoreEntryMutationVariables>;
export const PurgeEntryDocument = new TypedDocumentString(`
    mutation PurgeEntry($id: ID!) {
  purgeEntry(id: $id)
}
    `) as unknown as TypedDocumentString<PurgeEntryMutation, PurgeEntryMutationVariables>;
export const FolderLookupDocument = new TypedDocumentString(`
    query FolderLookup($path: String!) {
  entry(path: $path) {
    __typename
    id
    path
    ... on Folder {
      children(first: 200) {
        edges {
          node {
            __typename
            id
            name
            path
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FolderLookupQuery, FolderLookupQueryVariables>;
export const DownloadUrlDocument = new TypedDocumentString(`
    query DownloadUrl($id: ID!) {
  entry(id: $id) {
    ... on File {
      downloadUrl(expiresIn: 300)
    }
  }
}
    `) as unknown as TypedDocumentString<DownloadUrlQuery, DownloadUrlQueryVariables>;
export const RevisionsDocument = new TypedDocumentString(`
    query Revisions($id: ID!) {
  entry(id: $id) {
    ... on File {
      id
      rev
      revisions(first: 50) {
        rev
        size
        createdAt
        downloadUrl
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RevisionsQuery, RevisionsQueryVariables>;
export const RestoreRevisionDocument = new TypedDocumentString(`
    mutation RestoreRevision($fileId: ID!, $rev: Int!) {
  restoreRevision(fileId: $fileId, rev: $rev) {
    __typename
    ... on File {
      id
      rev
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RestoreRevisionMutation, RestoreRevisionMutationVariables>;
export const ShareLinksDocument = new TypedDocumentString(`
    query ShareLinks($entryId: ID!) {
  shareLinks(entryId: $entryId) {
    id
    access
    expiresAt
    hasPassword
    createdAt
    downloadCount
  }
}
    `) as unknown as TypedDocumentString<ShareLinksQuery, ShareLinksQueryVariables>;
export const CreateShareLinkDocument = new TypedDocumentString(`
    mutation CreateShareLink($entryId: ID!, $access: ShareAccess, $expiresAt: DateTime, $password: String) {
  createShareLink(
    entryId: $entryId
    access: $access
    expiresAt: $expiresAt
    password: $password
  ) {
    __typename
    ... on ShareLinkCreated {
      url
      link {
        id
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CreateShareLinkMutation, CreateShareLinkMutationVariables>;
export const RevokeShareLinkDocument = new TypedDocumentString(`
    mutation RevokeShareLink($id: ID!) {
  revokeShareLink(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeShareLinkMutation, RevokeShareLinkMutationVariables>;
export const SessionsDocument = new TypedDocumentString(`
    query Sessions {
  sessions {
    id
    deviceName
    createdAt
    lastSeenAt
    current
  }
}
    `) as unknown as TypedDocumentString<SessionsQuery, SessionsQueryVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const UploadFileDocument = new TypedDocumentString(`
    mutation UploadFile($file: Upload!, $parentId: ID) {
  uploadFile(file: $file, parentId: $parentId, autorename: true) {
    __typename
    ... on File {
      id
      name
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UploadFileMutation, UploadFileMutationVariables>;
export const SharedLinkDocument = new TypedDocumentString(`
    query SharedLink($token: String!, $password: String, $path: String, $after: String) {
  sharedLink(token: $token, password: $password, path: $path) {
    __typename
    ... on SharedEntry {
      name
      path
      isFolder
      size
      modifiedAt
      access
      expiresAt
      downloadUrl
      children(first: 100, after: $after) {
        items {
          name
          path
          isFolder
          size
          modifiedAt
          downloadUrl
        }
        cursor
        hasMore
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<SharedLinkQuery, SharedLinkQueryVariables>;
export const UploadToShareLinkDocument = new TypedDocumentString(`
    mutation UploadToShareLink($token: String!, $password: String, $file: Upload!) {
  uploadToShareLink(token: $token, password: $password, file: $file) {
    __typename
    ... on File {
      name
      path
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UploadToShareLinkMutation, UploadToShareLinkMutationVariables>;