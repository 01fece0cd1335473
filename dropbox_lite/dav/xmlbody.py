"""WebDAV's XML: request bodies parsed safely, multistatus answers written.

Bodies are capped (MAX_XML_BYTES) before parsing, and parsed by defusedxml: no DTD,
no entity (so no billion laughs, no external entities).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.etree.ElementTree import Element, tostring
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

DAV = "DAV:"
OC = "http://owncloud.org/ns"
NC = "http://nextcloud.org/ns"
PREFIXES = {DAV: "d", OC: "oc", NC: "nc"}
MAX_XML_BYTES = 1024 * 1024
NAMESPACES = 'xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns"'


class BadXml(Exception):
    """A body that is not the XML asked for; the message says why."""


def parse(data: bytes) -> Element:
    """The root element of a request body; BadXml for anything but plain, well-formed XML."""
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise BadXml("XML with a DTD or entities is refused.") from None
    except SafeET.ParseError as exc:
        raise BadXml(f"The body is not well-formed XML ({exc}).") from None
    return root


def qname(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}"


def split(name: str) -> tuple[str, str]:
    """("ns", "local") of "{ns}local" ("" namespace when there is none)."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def empty_element(name: str) -> str:
    """`<p:local/>` for a property name, declaring its namespace when it is not ours."""
    namespace, local = split(name)
    prefix = PREFIXES.get(namespace)
    if prefix is not None:
        return f"<{prefix}:{local}/>"
    if not namespace:
        return f'<{local} xmlns=""/>'
    return f'<x:{local} xmlns:x="{escape(namespace, {chr(34): "&quot;"})}"/>'


def element(name: str, inner: str) -> str:
    """`<p:local>inner</p:local>`; `inner` is XML already."""
    namespace, local = split(name)
    prefix = PREFIXES.get(namespace)
    if prefix is not None:
        return f"<{prefix}:{local}>{inner}</{prefix}:{local}>"
    if not namespace:
        return f'<{local} xmlns="">{inner}</{local}>'
    ns = escape(namespace, {'"': "&quot;"})
    return f'<x:{local} xmlns:x="{ns}">{inner}</x:{local}>'


def text(value: str) -> str:
    return escape(value)


def serialize(node: Element) -> str:
    """An element (a dead property's value) as XML text, namespaces declared in it."""
    return tostring(node, encoding="unicode")


STATUS_TEXT = {
    200: "OK",
    201: "Created",
    204: "No Content",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    412: "Precondition Failed",
    423: "Locked",
    424: "Failed Dependency",
    507: "Insufficient Storage",
}


def status_line(status: int) -> str:
    return f"HTTP/1.1 {status} {STATUS_TEXT.get(status, '')}".rstrip()


@dataclass
class PropStat:
    status: int
    props: list[str]  # each a whole property element, as XML


def response(href: str, propstats: Iterable[PropStat]) -> str:
    parts = [f"<d:response><d:href>{escape(href)}</d:href>"]
    for stat in propstats:
        if not stat.props:
            continue
        parts.append(
            f"<d:propstat><d:prop>{''.join(stat.props)}</d:prop>"
            f"<d:status>{status_line(stat.status)}</d:status></d:propstat>"
        )
    parts.append("</d:response>")
    return "".join(parts)


def status_response(href: str, status: int) -> str:
    return (
        f"<d:response><d:href>{escape(href)}</d:href>"
        f"<d:status>{status_line(status)}</d:status></d:response>"
    )


MULTISTATUS_OPEN = f'<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus {NAMESPACES}>'
MULTISTATUS_CLOSE = "</d:multistatus>"


def multistatus(responses: Iterable[str]) -> bytes:
    return (MULTISTATUS_OPEN + "".join(responses) + MULTISTATUS_CLOSE).encode("utf-8")


def error_body(condition: str, message: str = "") -> bytes:
    """A DAV:error body naming a precondition (RFC 4918 section 16), with a message."""
    extra = f"<oc:message>{escape(message)}</oc:message>" if message else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<d:error {NAMESPACES}>'
        f"<d:{condition}/>{extra}</d:error>"
    ).encode()


def message_body(exception: str, message: str) -> bytes:
    """The Sabre-style error body Nextcloud clients show: exception and message."""
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<d:error xmlns:d="DAV:" '
        f'xmlns:s="http://sabredav.org/ns"><s:exception>{escape(exception)}</s:exception>'
        f"<s:message>{escape(message)}</s:message></d:error>"
    ).encode()
