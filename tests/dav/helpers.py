"""Small helpers for the WebDAV tests: Basic headers, PROPFIND, app passwords."""

from __future__ import annotations

import base64
import re
from typing import Any

import httpx
from defusedxml import ElementTree

from tests.support import Account, GraphQLClient

D = "{DAV:}"
OC = "{http://owncloud.org/ns}"
CREATE_APP_PASSWORD = """
mutation Create($name: String!) {
  createAppPassword(name: $name) {
    __typename
    ... on AppPasswordCreated { password appPassword { id name createdAt lastUsedAt } }
    ... on Error { message code }
  }
}
"""
PROPS = (
    '<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">'
    "<d:prop><d:getetag/><d:getcontentlength/><d:getlastmodified/><d:resourcetype/>"
    "<oc:permissions/><oc:fileid/><oc:id/><oc:size/><oc:checksums/></d:prop></d:propfind>"
)


def basic(username: str, password: str) -> dict[str, str]:
    raw = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


async def app_password(gql: GraphQLClient, account: Account, name: str = "Laptop") -> str:
    data = await gql.data(CREATE_APP_PASSWORD, {"name": name}, token=account.token)
    created = data["createAppPassword"]
    assert created["__typename"] == "AppPasswordCreated", created
    assert created["appPassword"]["name"] == name
    password: str = created["password"]
    assert re.fullmatch(r"([A-Za-z0-9]{6}-){4}[A-Za-z0-9]{6}", password)
    return password


def files_url(account: Account, path: str = "") -> str:
    return f"/remote.php/dav/files/{account.username}/{path}"


async def propfind(
    http: httpx.AsyncClient, url: str, headers: dict[str, str], depth: str = "1"
) -> dict[str, dict[str, Any]]:
    """href -> {property tag: text (or the element for resourcetype)} of a PROPFIND."""
    response = await http.request(
        "PROPFIND", url, headers={**headers, "Depth": depth}, content=PROPS
    )
    assert response.status_code == 207, response.text
    root = ElementTree.fromstring(response.content)
    found: dict[str, dict[str, Any]] = {}
    for item in root.findall(f"{D}response"):
        href = item.findtext(f"{D}href")
        assert href is not None
        props: dict[str, Any] = {}
        for stat in item.findall(f"{D}propstat"):
            if "200" not in (stat.findtext(f"{D}status") or ""):
                continue
            for prop in stat.find(f"{D}prop") or []:
                props[prop.tag] = prop if len(prop) else (prop.text or "")
        found[href] = props
    return found
