"""Signing of tokens, cursors and download URLs with rotating keys (itsdangerous)."""

from __future__ import annotations

from typing import Any

from itsdangerous import BadData, URLSafeTimedSerializer


class Signer:
    """Signs with the first key of `keys`, accepts a signature made with any of them."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        if not keys:
            raise ValueError("at least one key is needed")
        # itsdangerous signs with the last key of the list and verifies with all.
        self._keys = list(reversed(keys))
        self._serializers: dict[str, URLSafeTimedSerializer] = {}

    def _serializer(self, purpose: str) -> URLSafeTimedSerializer:
        # One per purpose, made once: every request verifies a token.
        serializer = self._serializers.get(purpose)
        if serializer is None:
            serializer = URLSafeTimedSerializer(self._keys, salt=f"dropbox-lite.{purpose}")
            self._serializers[purpose] = serializer
        return serializer

    def sign(self, value: Any, *, purpose: str) -> str:
        """A URL-safe, tamper-evident string carrying `value` for one purpose."""
        return str(self._serializer(purpose).dumps(value))

    def unsign(self, token: str, *, purpose: str, max_age: int | None = None) -> Any:
        """The value inside `token`, or None when it is forged, garbled, expired or not a str."""
        if not isinstance(token, str) or not token or len(token) > 4096:
            return None
        try:
            return self._serializer(purpose).loads(token, max_age=max_age)
        except BadData:
            return None
