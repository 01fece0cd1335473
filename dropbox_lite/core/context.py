"""The typed per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import HTTPConnection

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer

if TYPE_CHECKING:
    from dropbox_lite.auth.service import SessionRecord, UserRecord


@dataclass
class Context:
    """What one request or WebSocket connection carries; the user is resolved once."""

    request: HTTPConnection
    response: Any
    settings: Settings
    db: Database
    signer: Signer
    user: UserRecord | None = None
    session: SessionRecord | None = None
    # Set by graphql-transport-ws from the `connection_init` payload.
    connection_params: dict[str, Any] = field(default_factory=dict)
    # Per-request caches (DataLoaders and the like) live here, never per process.
    loaders: dict[str, Any] = field(default_factory=dict)

    @property
    def client_ip(self) -> str:
        client = self.request.client
        return client.host if client else "unknown"
