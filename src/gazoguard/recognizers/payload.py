"""What a decoded QR / barcode payload is: a link, a LINE ID, Wi-Fi credentials, a contact card, …

:func:`classify_payload` is pure (text in, :class:`PayloadInfo` out) so the
codes detector, the redactor and the tests share one definition.  Secrets
found in a payload (a Wi-Fi password, a token) are never copied into
``attrs``: only the fact that they are there.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

URL = "url"
URL_WITH_TOKEN = "url_with_token"
LINE_ID = "line_id"
SNS_ID = "sns_id"
PHONE = "phone"
EMAIL = "email"
WIFI = "wifi"
VCARD = "vcard"
MECARD = "mecard"
GEO = "geo"
TEXT = "text"

PAYLOAD_TYPES = (URL, URL_WITH_TOKEN, LINE_ID, SNS_ID, PHONE, EMAIL, WIFI, VCARD, MECARD, GEO, TEXT)

LINE_HOSTS = ("line.me", "lin.ee", "line.naver.jp")
SNS_HOSTS = (
    "instagram.com", "instagr.am", "x.com", "twitter.com", "tiktok.com", "facebook.com", "fb.com", "fb.me",
    "m.me", "discord.gg", "discord.com", "discordapp.com", "threads.net", "threads.com", "t.me", "telegram.me",
    "wa.me", "snapchat.com", "linkedin.com", "youtube.com", "youtu.be", "kakao.com", "weixin.qq.com",
    "mastodon.social", "bsky.app", "pixiv.net", "note.com",
)
# Discord's and similar hosts also serve pages that are not an account or an invite.
SNS_PATH_REQUIRED = {"discord.com": ("/invite/",), "discordapp.com": ("/invite/",)}

# Parameter names whose value opens something for whoever holds the link.
SECRET_PARAM = re.compile(
    r"(?:^|[_\-.])(?:(?:access|auth|id|refresh|api|session|csrf)?token|session(?:id)?|sid|auth(?:key|code)?|"
    r"(?:api)?key|code|ticket|invite|secret|sig|signature|otp|pass(?:word|wd)?|pwd|jwt|nonce)$",
    re.IGNORECASE,
)
URI_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.IGNORECASE)
BARE_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s/]+\.[a-z]{2,}$", re.IGNORECASE)
# A bare number is a phone only when dialled like one (+81…, 090…): EAN / JAN digits are not.
BARE_PHONE = re.compile(r"^(?:\+|\(?0)[\d\s\-().]{8,20}$")
EMBEDDED = {
    EMAIL: re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"),
    PHONE: re.compile(r"(?<![\w+])(?:\+\d|0|\(?\d{2,4}[)\-.\s])[\d\-\s().]{7,16}\d(?!\d)"),
    URL: re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE),
}
COORDINATES = re.compile(r"-?\d{1,3}\.\d{3,}\s*,\s*-?\d{1,3}\.\d{3,}")
COORDINATE_PARAMS = frozenset({"lat", "lon", "lng", "latitude", "longitude"})
RANDOM_MIN_LEN = 16
RANDOM_MIN_BITS_PER_CHAR = 3.0
# Tokens switch between lower case, upper case and digits often; slugs (words-2024) rarely do.
RANDOM_MIN_RUNS_PER_CHAR = 0.25


@dataclass(frozen=True, slots=True)
class PayloadInfo:
    """The class of a payload plus safe details (never a password or a token)."""

    type: str
    attrs: dict[str, Any] = field(default_factory=dict)


def classify_payload(text: str) -> PayloadInfo:
    payload = text.strip()
    upper = payload.upper()
    if upper.startswith("WIFI:"):
        return _wifi(payload)
    if upper.startswith("BEGIN:VCARD"):
        return PayloadInfo(VCARD)
    if upper.startswith(("MECARD:", "BIZCARD:")):
        return PayloadInfo(MECARD)
    if upper.startswith(("MATMSG:", "MAILTO:", "SMTP:")) or BARE_EMAIL.match(payload):
        return PayloadInfo(EMAIL)
    if upper.startswith(("TEL:", "SMSTO:", "SMS:", "MMSTO:")) or (BARE_PHONE.match(payload) and _digits(payload) >= 9):
        return PayloadInfo(PHONE)
    if upper.startswith("GEO:"):
        return PayloadInfo(GEO, {"has_coordinates": True})
    if upper.startswith("MEBKM:"):
        bookmarked = _mecard_field(payload[len("MEBKM:") :], "URL")
        return classify_url(bookmarked) if bookmarked else PayloadInfo(URL)
    if upper.startswith("LINE:") or URI_SCHEME.match(payload) or upper.startswith("WWW."):
        return classify_url(payload)
    contains = sorted(kind for kind, pattern in EMBEDDED.items() if pattern.search(payload))
    return PayloadInfo(TEXT, {"contains": contains} if contains else {})


def classify_url(url: str) -> PayloadInfo:
    """A URL is a LINE ID, an SNS account / invite, a link carrying a secret, or a plain link."""
    if not URI_SCHEME.match(url) and not url.lower().startswith("line:"):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed "[" host: still a link, just not one we can take apart
        return PayloadInfo(URL, {"scheme": url.split(":", 1)[0].lower()})
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    attrs: dict[str, Any] = {"scheme": scheme, "host": host} if host else {"scheme": scheme}
    if _has_coordinates(parts.query + "&" + parts.fragment):
        attrs["has_coordinates"] = True  # a map link is a place, like a geo: URI
    if scheme == "line" or _host_in(host, LINE_HOSTS):
        return PayloadInfo(LINE_ID, attrs)
    if _is_sns(host, parts.path):
        return PayloadInfo(SNS_ID, attrs)
    if _carries_secret(parts.query, parts.fragment, parts.path):
        return PayloadInfo(URL_WITH_TOKEN, attrs)
    return PayloadInfo(URL, attrs)


def _has_coordinates(query: str) -> bool:
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name.lower() in COORDINATE_PARAMS and re.fullmatch(r"\s*-?\d{1,3}\.\d+\s*", value):
            return True
        if COORDINATES.search(value):
            return True
    return False


def _host_in(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _is_sns(host: str, path: str) -> bool:
    for domain in SNS_HOSTS:
        if host == domain or host.endswith("." + domain):
            required = SNS_PATH_REQUIRED.get(domain)
            return required is None or any(path.startswith(p) for p in required)
    return False


def _carries_secret(query: str, fragment: str, path: str) -> bool:
    params = parse_qsl(query, keep_blank_values=True)
    if "=" in fragment:  # single-page apps and OAuth implicit flow put tokens after '#'
        params += parse_qsl(fragment.lstrip("/!?"), keep_blank_values=True)
    for name, value in params:
        if SECRET_PARAM.search(name) and value:
            return True
        if looks_random(value):
            return True
    return any(looks_random(unquote(segment)) for segment in path.split("/"))


def looks_random(value: str) -> bool:
    """Long, mixed letters and digits, high per-character entropy: a token rather than a word or a slug."""
    if len(value) < RANDOM_MIN_LEN or not re.fullmatch(r"[A-Za-z0-9_\-=+.~]+", value):
        return False
    if not (re.search(r"\d", value) and re.search(r"[A-Za-z]", value)):
        return False
    compact = re.sub(r"[_\-=+.~]", "", value)
    runs = len(re.findall(r"[a-z]+|[A-Z]+|[0-9]+", compact))
    return runs >= RANDOM_MIN_RUNS_PER_CHAR * len(compact) and _entropy_bits_per_char(compact) >= RANDOM_MIN_BITS_PER_CHAR


def _entropy_bits_per_char(value: str) -> float:
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _wifi(payload: str) -> PayloadInfo:
    fields = _mecard_fields(payload[len("WIFI:") :])
    security = fields.get("T", "").upper()
    has_password = bool(fields.get("P")) and security != "NOPASS"
    attrs: dict[str, Any] = {"ssid": fields.get("S", ""), "has_password": has_password}
    if security:
        attrs["security"] = security
    if fields.get("H", "").lower() == "true":
        attrs["hidden"] = True
    return PayloadInfo(WIFI, attrs)


def _mecard_field(body: str, key: str) -> str:
    return _mecard_fields(body).get(key, "")


def _mecard_fields(body: str) -> dict[str, str]:
    r"""``K:value;K2:value2;;`` with ``\;``, ``\:``, ``\,`` and ``\\`` escapes (MECARD / Wi-Fi syntax)."""
    fields: dict[str, str] = {}
    current: list[str] = []
    escaped = False
    for ch in body + ";":
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ";":
            item = "".join(current)
            current = []
            key, sep, value = item.partition(":")
            if sep and key and key.upper() not in fields:
                fields[key.upper()] = value
        else:
            current.append(ch)
    return fields
