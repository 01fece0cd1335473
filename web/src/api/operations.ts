// Every GraphQL operation the app sends; codegen types them from schema/schema.graphql.
import { graphql } from '../gql';

export const EntryFieldsFragment = graphql(`
  fragment EntryFields on Entry {
    __typename
    id
    name
    path
    parentId
    modifiedAt
    trashed
    trashedAt
    hasLink
    shared {
      ownerUsername
      yourRole
      youOwn
      folderId
    }
    ... on File {
      size
      rev
      mimeType
      thumbnailUrl(size: 64)
    }
  }
`);

export const MeQuery = graphql(`
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
`);

export const SignupMutation = graphql(`
  mutation Signup(
    $username: String!
    $password: String!
    $deviceName: String
    $deviceKey: String
    $inviteCode: String
  ) {
    signup(
      username: $username
      password: $password
      deviceName: $deviceName
      deviceKey: $deviceKey
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
`);

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!, $deviceName: String, $deviceKey: String) {
    login(username: $username, password: $password, deviceName: $deviceName, deviceKey: $deviceKey) {
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
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const RootFolderQuery = graphql(`
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
`);

export const FolderByPathQuery = graphql(`
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
`);

export const SearchQuery = graphql(`
  query Search($query: String!) {
    search(query: $query, first: 100) {
      ...EntryFields
    }
  }
`);

export const TrashQuery = graphql(`
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
`);

export const CreateFolderMutation = graphql(`
  mutation CreateFolder($parentId: ID, $name: String!) {
    createFolder(parentId: $parentId, name: $name) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`);

export const RenameEntryMutation = graphql(`
  mutation RenameEntry($id: ID!, $name: String!) {
    renameEntry(id: $id, name: $name) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`);

export const MoveEntryMutation = graphql(`
  mutation MoveEntry($id: ID!, $parentId: ID!, $name: String) {
    moveEntry(id: $id, parentId: $parentId, name: $name) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`);

export const CopyEntryMutation = graphql(`
  mutation CopyEntry($id: ID!, $parentId: ID!, $name: String) {
    copyEntry(id: $id, parentId: $parentId, name: $name) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`);

export const DeleteEntryMutation = graphql(`
  mutation DeleteEntry($id: ID!) {
    deleteEntry(id: $id) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`);

export const RestoreEntryMutation = graphql(`
  mutation RestoreEntry($id: ID!) {
    restoreEntry(id: $id) {
      __typename
      ... on Entry {
        ...EntryFields
      }
      ... on Error {
        message
        code
      }
    }
  }
`);

export const PurgeEntryMutation = graphql(`
  mutation PurgeEntry($id: ID!) {
    purgeEntry(id: $id)
  }
`);

export const FolderLookupQuery = graphql(`
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
`);

export const DownloadUrlQuery = graphql(`
  query DownloadUrl($id: ID!) {
    entry(id: $id) {
      ... on File {
        downloadUrl(expiresIn: 300)
      }
    }
  }
`);

export const RevisionsQuery = graphql(`
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
`);

export const RestoreRevisionMutation = graphql(`
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
`);

export const ShareLinksQuery = graphql(`
  query ShareLinks($entryId: ID!) {
    shareLinks(entryId: $entryId) {
      id
      access
      expiresAt
      hasPassword
      createdAt
      downloadCount
      url
    }
  }
`);

export const CreateShareLinkMutation = graphql(`
  mutation CreateShareLink(
    $entryId: ID!
    $access: ShareAccess
    $expiresAt: DateTime
    $password: String
  ) {
    createShareLink(entryId: $entryId, access: $access, expiresAt: $expiresAt, password: $password) {
      __typename
      ... on ShareLinkCreated {
        url
        token
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
`);

export const RevokeShareLinkMutation = graphql(`
  mutation RevokeShareLink($id: ID!) {
    revokeShareLink(id: $id)
  }
`);

export const SessionsQuery = graphql(`
  query Sessions {
    sessions {
      id
      deviceName
      createdAt
      lastSeenAt
      current
    }
  }
`);

export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export const UploadFileMutation = graphql(`
  mutation UploadFile($file: Upload!, $parentId: ID, $mode: WriteMode, $autorename: Boolean) {
    uploadFile(file: $file, parentId: $parentId, mode: $mode, autorename: $autorename) {
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
`);

export const SharedLinkQuery = graphql(`
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
        zipUrl
        thumbnailUrl(size: 256)
        children(first: 100, after: $after) {
          items {
            name
            path
            isFolder
            size
            modifiedAt
            downloadUrl
            thumbnailUrl(size: 64)
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
`);

export const UploadToShareLinkMutation = graphql(`
  mutation UploadToShareLink($token: String!, $password: String, $file: Upload!) {
    uploadToShareLink(token: $token, password: $password, file: $file) {
      __typename
      ... on File {
        name
      }
      ... on Error {
        message
        code
      }
    }
  }
`);

export const FolderMemberFieldsFragment = graphql(`
  fragment FolderMemberFields on FolderMember {
    user {
      username
    }
    role
    isOwner
  }
`);

export const FolderMembersQuery = graphql(`
  query FolderMembers($id: ID!) {
    me {
      username
    }
    entry(id: $id) {
      __typename
      id
      name
      path
      shared {
        ownerUsername
        yourRole
        youOwn
        folderId
      }
      ... on Folder {
        members {
          ...FolderMemberFields
        }
      }
    }
  }
`);

export const ShareFolderMutation = graphql(`
  mutation ShareFolder($folderId: ID!, $username: String!, $role: MemberRole!) {
    shareFolder(folderId: $folderId, username: $username, role: $role) {
      __typename
      ... on Folder {
        id
        members {
          ...FolderMemberFields
        }
      }
      ... on Error {
        message
        code
      }
    }
  }
`);

export const UpdateMemberMutation = graphql(`
  mutation UpdateMember($folderId: ID!, $username: String!, $role: MemberRole!) {
    updateMember(folderId: $folderId, username: $username, role: $role) {
      __typename
      ... on Folder {
        id
        members {
          ...FolderMemberFields
        }
      }
      ... on Error {
        message
        code
      }
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($folderId: ID!, $username: String!) {
    removeMember(folderId: $folderId, username: $username)
  }
`);

export const LeaveFolderMutation = graphql(`
  mutation LeaveFolder($folderId: ID!) {
    leaveFolder(folderId: $folderId)
  }
`);

export const EntryNameQuery = graphql(`
  query EntryName($path: String!) {
    entry(path: $path) {
      __typename
      id
    }
  }
`);

export const EmptyTrashMutation = graphql(`
  mutation EmptyTrash {
    emptyTrash
  }
`);

export const ServerInfoQuery = graphql(`
  query ServerInfo {
    serverInfo {
      version
      storageBackend
      signupPolicy
      graphiqlEnabled
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on Error {
        message
        code
      }
    }
  }
`);

export const LatestCursorQuery = graphql(`
  query LatestCursor {
    latestCursor
  }
`);

export const LiveChangesSubscription = graphql(`
  subscription LiveChanges($cursor: String) {
    changes(cursor: $cursor) {
      cursor
      changes {
        kind
        id
        parentId
        entry {
          ...EntryFields
        }
      }
    }
  }
`);

export const ZipUrlQuery = graphql(`
  query ZipUrl($id: ID!) {
    entry(id: $id) {
      ... on Folder {
        zipUrl
      }
    }
  }
`);

export const AppPasswordsQuery = graphql(`
  query AppPasswords {
    appPasswords {
      id
      name
      createdAt
      lastUsedAt
    }
  }
`);

export const CreateAppPasswordMutation = graphql(`
  mutation CreateAppPassword($name: String!) {
    createAppPassword(name: $name) {
      __typename
      ... on AppPasswordCreated {
        password
        appPassword {
          id
          name
        }
      }
      ... on Error {
        message
        code
      }
    }
  }
`);

export const RevokeAppPasswordMutation = graphql(`
  mutation RevokeAppPassword($id: ID!) {
    revokeAppPassword(id: $id)
  }
`);

export const LoginFlowQuery = graphql(`
  query LoginFlow($token: String!) {
    loginFlow(token: $token) {
      appName
      expiresAt
    }
  }
`);

export const GrantLoginFlowMutation = graphql(`
  mutation GrantLoginFlow($token: String!) {
    grantLoginFlow(token: $token) {
      __typename
      ... on Error {
        message
        code
      }
    }
  }
`);
