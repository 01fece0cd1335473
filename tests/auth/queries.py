"""GraphQL documents the auth tests share."""

from __future__ import annotations

SIGNUP = """
mutation($username: String!, $password: String!, $deviceName: String) {
  signup(username: $username, password: $password, deviceName: $deviceName) {
    __typename
    ... on AuthPayload { token user { id username } session { id deviceName current } }
    ... on InvalidInputError { field }
    ... on Error { message code }
  }
}
"""

LOGIN = """
mutation($username: String!, $password: String!, $deviceName: String) {
  login(username: $username, password: $password, deviceName: $deviceName) {
    __typename
    ... on AuthPayload { token user { id username } session { id deviceName current } }
    ... on RateLimitedError { retryAfterSeconds }
    ... on Error { message code }
  }
}
"""

ME = "{ me { id username createdAt } }"
SESSIONS = "{ sessions { id deviceName createdAt lastSeenAt expiresAt current } }"
LOGOUT = "mutation { logout }"
REVOKE = "mutation($id: ID!) { revokeSession(id: $id) }"
CHANGE_PASSWORD = """
mutation($current: String!, $new: String!) {
  changePassword(currentPassword: $current, newPassword: $new) {
    __typename
    ... on User { id username }
    ... on InvalidInputError { field }
    ... on Error { message code }
  }
}
"""
