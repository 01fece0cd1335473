"""What a GraphQL request body must hold before the server acts on it: JSON that decodes
(not nested too deeply, no lone UTF-16 surrogates) and a multipart `map` the GraphQL
multipart request spec allows. A body that fails is a BadRequest whose message says why."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any


class BadRequest(ValueError):
    """A request body no GraphQL server can act on; the message says why."""


class NotJSON(BadRequest):
    """The body is not JSON at all."""


def decode_json_body(data: str | bytes) -> Any:
    """A GraphQL request's JSON, refusing what would fail deep inside (BadRequest)."""
    try:
        value = json.loads(data)
    except RecursionError:
        raise BadRequest("The JSON body is nested too deeply.") from None
    except ValueError:
        raise NotJSON("The request body is not valid JSON.") from None
    bad = _lone_surrogate(value)
    if bad is not None:
        raise BadRequest(
            f"The request holds a lone UTF-16 surrogate ({bad}), which is not text; "
            "send valid UTF-8."
        )
    return value


def _lone_surrogate(value: Any) -> str | None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError as exc:
                    return f"\\u{ord(item[exc.start]):04x}"
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def check_upload_map(operations: Any, files_map: Any, files: Collection[str]) -> None:
    """Refuse a multipart `map` the GraphQL multipart request spec does not allow.

    Each file fills exactly one variable slot that the operations hold as null; a map
    that is not an object, names a missing file, points into a slot that does not
    exist or below one, or sends one file to two slots is a BadRequest.
    """
    if not isinstance(operations, dict):
        raise BadRequest("`operations` must be a JSON object (batched uploads are not accepted).")
    if not isinstance(files_map, dict):
        raise BadRequest('`map` must be a JSON object such as {"0": ["variables.file"]}.')
    seen: set[str] = set()
    for name, paths in files_map.items():
        if name not in files:
            raise BadRequest(f"`map` names the file {name!r}, which the request does not hold.")
        if not isinstance(paths, list) or len(paths) != 1 or not isinstance(paths[0], str):
            raise BadRequest(
                f"`map` must send the file {name!r} to exactly one path, as a list of one "
                'string such as ["variables.file"].'
            )
        path = paths[0]
        if path in seen:
            raise BadRequest(f"`map` sends two files to {path!r}.")
        seen.add(path)
        keys = path.split(".")
        if keys[0] != "variables" or len(keys) < 2:
            raise BadRequest(f"`map` path {path!r} must start with `variables.`.")
        target: Any = operations
        for key in keys[:-1]:
            target = _step(target, key, path)
        last = keys[-1]
        slot = _step(target, last, path)
        if slot is not None:
            raise BadRequest(f"`map` path {path!r} must point at a variable that is null.")


def _step(container: Any, key: str, path: str) -> Any:
    if isinstance(container, dict) and key in container:
        return container[key]
    if isinstance(container, list) and key.isdigit() and int(key) < len(container):
        return container[int(key)]
    raise BadRequest(f"`map` path {path!r} does not name a variable in `operations`.")
