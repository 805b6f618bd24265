"""Every payload class of a QR / barcode, and that secrets never reach attrs."""

from __future__ import annotations

import pytest

from gazoguard.recognizers.payload import PAYLOAD_TYPES, classify_payload, looks_random


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("https://www.example.co.jp/shop/item/123", "url"),
        ("www.example.com/a", "url"),
        ("MEBKM:URL:http\\://en.wikipedia.org/wiki/Main_Page;;", "url"),
        ("https://teleworkgekkan.go.jp/events/telework-seminar-202403", "url"),
        ("https://example.com/reset?token=abc", "url_with_token"),
        ("https://example.com/login?SessionID=42", "url_with_token"),
        ("https://app.example.com/#/cb?access_token=xyz", "url_with_token"),
        ("https://example.com/i/AbC9xY2kLm3NpQ7r", "url_with_token"),
        ("https://example.com/s/9f86d081-884c-7d65-9a2f-eaa0c55ad015", "url_with_token"),
        ("otpauth://totp/ACME:a@b.jp?secret=JBSWY3DPEHPK3PXP&issuer=ACME", "url_with_token"),
        ("https://line.me/ti/p/~yamada_taro", "line_id"),
        ("https://line.me/R/ti/p/@shop123", "line_id"),
        ("https://lin.ee/AbCdEf1", "line_id"),
        ("line://ti/p/~taro", "line_id"),
        ("https://www.instagram.com/taro.yamada/", "sns_id"),
        ("https://x.com/taro", "sns_id"),
        ("https://twitter.com/taro", "sns_id"),
        ("https://www.tiktok.com/@taro", "sns_id"),
        ("https://www.facebook.com/taro", "sns_id"),
        ("https://discord.gg/abcd123", "sns_id"),
        ("https://discord.com/invite/abcd123", "sns_id"),
        ("tel:+81312345678", "phone"),
        ("090-1234-5678", "phone"),
        ("SMSTO:09012345678:hello", "phone"),
        ("mailto:taro@example.jp", "email"),
        ("MATMSG:TO:taro@example.jp;SUB:hi;BODY:x;;", "email"),
        ("taro@example.jp", "email"),
        ("WIFI:S:home;T:WPA;P:secret;;", "wifi"),
        ("BEGIN:VCARD\nVERSION:3.0\nFN:山田太郎\nEND:VCARD", "vcard"),
        ("MECARD:N:山田,太郎;TEL:0312345678;;", "mecard"),
        ("BIZCARD:N:Todd;X:Ogasawara;E:editor@mobileviews.com;;", "mecard"),
        ("geo:35.6812,139.7671", "geo"),
        ("こんにちは", "text"),
        ("4901234567894", "text"),
    ],
)
def test_payload_class(payload, expected):
    assert classify_payload(payload).type == expected


def test_every_class_is_covered_by_the_table():
    covered = {classify_payload(p).type for p in ["https://a.jp", "https://a.jp/?key=1", "https://lin.ee/a",
               "https://x.com/a", "tel:1", "mailto:a@b.jp", "WIFI:S:a;;", "BEGIN:VCARD", "MECARD:N:a;;",
               "geo:1,2", "hello"]}
    assert covered == set(PAYLOAD_TYPES)


def test_wifi_attrs_keep_the_ssid_and_hide_the_password():
    info = classify_payload("WIFI:S:my\\;net;T:WPA;P:pa\\;ss;H:true;;")
    assert info.attrs == {"ssid": "my;net", "has_password": True, "security": "WPA", "hidden": True}
    assert "pa;ss" not in repr(info.attrs) and "pa\\;ss" not in repr(info.attrs)


def test_open_wifi_has_no_password():
    assert classify_payload("WIFI:T:nopass;S:free;;").attrs["has_password"] is False
    assert classify_payload("WIFI:S:free;T:WPA;P:;;").attrs["has_password"] is False


def test_token_urls_do_not_echo_the_token():
    info = classify_payload("https://example.com/reset?token=SECRETVALUE")
    assert info.attrs == {"scheme": "https", "host": "example.com"}


def test_links_with_coordinates_are_marked_as_places():
    assert classify_payload("https://maps.example.com/?q=35.6812,139.7671").attrs["has_coordinates"] is True
    assert classify_payload("https://example.com/?lat=35.68&lng=139.76").attrs["has_coordinates"] is True
    assert "has_coordinates" not in classify_payload("https://example.com/?page=2").attrs


def test_plain_text_lists_the_contact_data_it_contains():
    info = classify_payload("Sean Owen\nsrowen@google.com\n917-364-2918\nhttp://awesome-thoughts.com")
    assert info.type == "text"
    assert info.attrs["contains"] == ["email", "phone", "url"]


@pytest.mark.parametrize(
    ("value", "random"),
    [("AbC9xY2kLm3NpQ7r", True), ("9f86d081884c7d659a2feaa0c55ad015", True),
     ("telework-seminar-202403", False), ("livedetectionvideo", False), ("12345678901234567890", False), ("abc1", False)],
)
def test_looks_random(value, random):
    assert looks_random(value) is random


def test_a_url_that_urlsplit_refuses_is_still_a_plain_link():
    """Found by fuzzing (fuzz/corpus/codes_payload/crash-*): an unclosed IPv6 bracket raised ValueError."""
    info = classify_payload("http://[::1/login")
    assert info.type == "url" and info.attrs == {"scheme": "http"}
