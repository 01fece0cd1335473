"""Share links: create_share_link, validate_share_token, revoke_share_link, the public view.

A link's token is derived from the secret key and the link's id (HMAC-SHA256, 256
bits), and `share_links.token` holds only the token's SHA-256: a copy of the database
opens no link, while the owner can be shown the link's URL again (`ShareLinkRecord.url`,
derived anew on every read, and checked against the stored hash). Links made before
that (random tokens) still open, but their URL cannot be shown again; neither can one
made under a secret key that is no longer among SECRET_KEY's keys. A link refers to
its entry by id (it follows renames and moves) and works only while that entry and
every folder above it are live, the link is not revoked and not expired. Everything
a visitor can see is addressed by a path relative to the link's root, never by an id.

The owner's side is sharing/owner_links.py (making, listing, revoking, pruning links;
tokens and records), a visitor's side sharing/visits.py (opening a link, its paths and
listings, signed URLs, uploads); this module re-exports both, so importers use
`service.x`. A test that patches a constant patches it where it is read (visits.MAX_PAGE,
owner_links.MAX_LINKS_LISTED).
"""

from __future__ import annotations

from dropbox_lite.sharing.owner_links import (
    ACCESS_LEVELS,
    ENDED_LINK_RETENTION,
    MAX_LINKS_LISTED,
    TOKEN_CONTEXT,
    CreatedLink,
    ShareLinkRecord,
    count_download,
    create_share_link,
    derive_token,
    link_record,
    link_url,
    list_share_links,
    prune_share_links,
    recover_token,
    revoke_share_link,
    token_digest,
)
from dropbox_lite.sharing.visits import (
    DOWNLOAD_PURPOSE,
    DOWNLOAD_TTL_SECONDS,
    MAX_PAGE,
    PASSWORDS,
    SEES_CONTENTS,
    TAKES_UPLOADS,
    THUMBNAIL_PURPOSE,
    THUMBNAIL_TTL_SECONDS,
    TOKEN_RE,
    UNKNOWN_TOKENS,
    Grant,
    SharedItem,
    SharedPage,
    download_url,
    list_children,
    resolve_path,
    split_path,
    thumbnail_url,
    upload_to_share_link,
    validate_share_token,
    verify_download,
    verify_thumbnail,
)

__all__ = [
    "ACCESS_LEVELS",
    "CreatedLink",
    "DOWNLOAD_PURPOSE",
    "DOWNLOAD_TTL_SECONDS",
    "ENDED_LINK_RETENTION",
    "Grant",
    "MAX_LINKS_LISTED",
    "MAX_PAGE",
    "PASSWORDS",
    "SEES_CONTENTS",
    "ShareLinkRecord",
    "SharedItem",
    "SharedPage",
    "TAKES_UPLOADS",
    "THUMBNAIL_PURPOSE",
    "THUMBNAIL_TTL_SECONDS",
    "TOKEN_CONTEXT",
    "TOKEN_RE",
    "UNKNOWN_TOKENS",
    "count_download",
    "create_share_link",
    "derive_token",
    "download_url",
    "link_record",
    "link_url",
    "list_children",
    "list_share_links",
    "prune_share_links",
    "recover_token",
    "resolve_path",
    "revoke_share_link",
    "split_path",
    "thumbnail_url",
    "token_digest",
    "upload_to_share_link",
    "validate_share_token",
    "verify_download",
    "verify_thumbnail",
]
