"""GraphQL face of this module (filled in by its issue)."""

from __future__ import annotations

QUERIES: tuple[type, ...] = ()
MUTATIONS: tuple[type, ...] = ()
SUBSCRIPTIONS: tuple[type, ...] = ()
TYPES: tuple[type, ...] = ()
