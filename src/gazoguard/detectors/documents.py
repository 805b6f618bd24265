"""Documents (ID cards, passports, receipts, invoices, forms, …) from OCR text and layout.

Evidence per document kind is added up from

* weighted keyword sets (``gazoguard/vision/data/documents.toml``: titles such as
  運転免許証 or INVOICE, fields such as 公安委員会 or 小計),
* a machine-readable zone (passport or ID card, told apart by its document
  code and line length),
* layout: prices on many lines (receipt), phone + e-mail/web + company or
  title in little text (business card), a card-shaped outline or a
  card-shaped picture (identity cards), a face printed inside a card.

The kind with the most evidence wins if it reaches :data:`MIN_EVIDENCE`;
kinds that came close are listed in ``attrs.alternatives``.  The score maps
evidence to a confidence with a saturating curve (2.5 points → 0.57,
5 → 0.81, 8 → 0.93); with nine labelled documents to check against this
is a monotone ranking, not a probability.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Box, Finding, union_box
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene
from gazoguard.recognizers.checksums import corporate_number_valid
from gazoguard.perception.textlayout import TextLayout
from gazoguard.vision import patterns
from gazoguard.vision.keywords import FoldedText, Hit, evidence, load_keyword_sets
from gazoguard.vision.mrz import find_mrz
from gazoguard.vision.quads import CARD_ASPECT, Quad, find_quads
from gazoguard.core.geometry import overlaps

MIN_EVIDENCE = 2.5
TITLE_WEIGHT = 2.5
TITLE_SLACK = 4  # characters a title line may hold beyond the title word (様式番号, 見本, …)
ALTERNATIVE_EVIDENCE = 1.5
CARD_KINDS = frozenset(
    {"drivers_licence", "my_number_card", "insurance_card", "residence_card", "student_id", "staff_id", "id_card"}
)
PAGE_KINDS = frozenset({"receipt", "invoice", "medical", "form"})
MRZ_EVIDENCE = 4.0
FACE_ON_CARD_EVIDENCE = 2.5
CARD_SHAPE_EVIDENCE = 0.5
PRICE_LINES_FOR_RECEIPT = 4
#: an invoice registration number (T + 13 digits) is printed on receipts and invoices only
INVOICE_NUMBER = re.compile(r"(?<![A-Z0-9])T[ :：-]?(\d(?:[ -]?\d){12})(?!\d)")
INVOICE_EVIDENCE = 1.5
BUSINESS_CARD_EVIDENCE = 2.5
BUSINESS_CARD_MAX_LINES = 25


@dataclass
class _Evidence:
    points: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    boxes: dict[str, list[Box]] = field(default_factory=lambda: defaultdict(list))
    reasons: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, kind: str, points: float, reason: str, boxes: list[Box] | tuple[Box, ...] = ()) -> None:
        self.points[kind] += points
        self.reasons[kind].append(reason)
        self.boxes[kind].extend(boxes)

    def ranked(self) -> list[tuple[str, float]]:
        return sorted(((k, v) for k, v in self.points.items() if v > 0), key=lambda kv: -kv[1])


def confidence(points: float) -> float:
    return round(1.0 - math.exp(-points / 3.0), 4)


class DocumentDetector(Detector):
    name = "documents"
    kinds = frozenset({"document"})
    timeout_s = 30.0
    order = 40

    def load(self) -> None:
        self._sets = load_keyword_sets("documents")

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        layout: TextLayout = scene.text()
        ev = _Evidence()
        folded = FoldedText(layout.text)
        for kind, keyword_set in self._sets.items():
            hits = [_as_title_or_mention(layout.text, h) for h in keyword_set.hits(folded)]
            if hits:
                ev.add(kind, evidence(hits), "keywords:" + ",".join(sorted({h.term for h in hits})), _hit_boxes(layout, hits))
        _add_mrz(layout, ev)
        _add_receipt_prices(layout, ev)
        business = _add_invoice_registration(layout, ev)
        _add_business_card(layout, folded, ev)
        quads = find_quads(picture) if layout.text.strip() else []
        card = _card_quad(quads, layout)
        _add_card_layout(picture, layout, card, scene, ev)
        ranked = ev.ranked()
        if not ranked or ranked[0][1] < MIN_EVIDENCE:
            return []
        kind, points = ranked[0]
        alternatives = [
            {"doc_kind": k, "score": confidence(p)} for k, p in ranked[1:] if p >= ALTERNATIVE_EVIDENCE
        ]
        return [
            Finding(
                kind="document",
                score=confidence(points),
                detector=self.name,
                box=_document_box(picture, layout, kind, card, ev.boxes[kind]),
                attrs={
                    "doc_kind": kind,
                    "evidence": ev.reasons[kind],
                    "alternatives": alternatives,
                    **({"invoice_registration": business} if business else {}),
                },
            )
        ]


def _as_title_or_mention(text: str, hit: Hit) -> Hit:
    """A title word (weight ≥ TITLE_WEIGHT) counts fully only where it reads as a title.

    Titles stand alone on their line or end it (〇〇申請書, OFFICIAL TRAVEL
    DOCUMENT); the same word inside running text (契約書の印紙税…, "passport
    number is …") only mentions the document and counts half.
    """
    if hit.weight < TITLE_WEIGHT:
        return hit
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    rest = text[hit.end : line_end if line_end >= 0 else len(text)].strip(" 　:：.)）]】")
    if len(line.strip()) <= (hit.end - hit.start) + TITLE_SLACK or not rest:
        return hit
    return Hit(hit.term, hit.weight / 2, hit.start, hit.end)


def _hit_boxes(layout: TextLayout, hits: list[Hit]) -> list[Box]:
    return [b for h in hits if (b := layout.box_for_span(h.start, h.end)) is not None]


def _add_mrz(layout: TextLayout, ev: _Evidence) -> None:
    mrz = find_mrz(layout)
    if mrz is None:
        return
    reason = f"mrz:{mrz.format}:{mrz.document_code or '?'}"
    if mrz.format == "td2" and not mrz.is_passport:
        # ICAO's TD2 size serves both ID cards and official travel documents: let the text decide
        ev.add("id_card", MRZ_EVIDENCE / 2, reason, [mrz.box])
        ev.add("passport", MRZ_EVIDENCE / 2, reason, [mrz.box])
        return
    ev.add("passport" if mrz.is_passport else "id_card", MRZ_EVIDENCE, reason, [mrz.box])


def _add_receipt_prices(layout: TextLayout, ev: _Evidence) -> None:
    priced = [line for line in layout.lines if patterns.AMOUNT.search(FoldedText(line.text).folded)]
    if len(priced) >= PRICE_LINES_FOR_RECEIPT:
        # many priced lines alone could be a price list; worth a field, not a title
        ev.add("receipt", 1.0 + 0.5 * (len(priced) >= 2 * PRICE_LINES_FOR_RECEIPT), f"price_lines:{len(priced)}")


def _add_invoice_registration(layout: TextLayout, ev: _Evidence) -> list[str]:
    """Invoice registration numbers (T + a valid corporate number) printed on the page: a receipt or
    an invoice issued by a business (the numbers are the issuer's, returned as business data)."""
    numbers = []
    for m in INVOICE_NUMBER.finditer(FoldedText(layout.text).folded):
        digits = re.sub(r"\D", "", m.group(1))
        if corporate_number_valid(digits):
            numbers.append("T" + digits)
    if numbers:
        ev.add("receipt", INVOICE_EVIDENCE, f"invoice_registration:{numbers[0]}")
        ev.add("invoice", INVOICE_EVIDENCE, f"invoice_registration:{numbers[0]}")
    return numbers


def _add_business_card(layout: TextLayout, folded: FoldedText, ev: _Evidence) -> None:
    if not layout.lines or len(layout.lines) > BUSINESS_CARD_MAX_LINES:
        return
    text = folded.folded
    has_phone = bool(patterns.PHONE.search(text))
    has_contact = bool(patterns.EMAIL.search(text) or patterns.WEB.search(text))
    has_org = bool(patterns.COMPANY.search(text)) or ev.points.get("business_card", 0.0) >= 1.0
    if has_phone and has_contact and has_org:
        ev.add("business_card", BUSINESS_CARD_EVIDENCE, "layout:phone+contact+company")


def _card_quad(quads: list[Quad], layout: TextLayout) -> Quad | None:
    """The largest card-shaped outline that holds some of the text."""
    for quad in quads:
        if quad.is_card_shaped() and any(quad.contains(line.box) for line in layout.lines):
            return quad
    return None


def _faces(scene: Scene) -> list:
    try:
        return list(scene.faces())
    except Exception:  # noqa: BLE001 - faces are a bonus here; without them the text still decides
        return []


def _add_card_layout(picture: Picture, layout: TextLayout, card: Quad | None, scene: Scene, ev: _Evidence) -> None:
    aspect = max(picture.width, picture.height) / max(1, min(picture.width, picture.height))
    picture_is_card = abs(aspect - CARD_ASPECT) <= 0.1 * CARD_ASPECT and len(layout.lines) >= 3
    if card is None and not picture_is_card:
        return
    reason = "layout:card_quad" if card is not None else "layout:card_shaped_picture"
    for kind in CARD_KINDS:
        if ev.points.get(kind, 0.0) > 0:
            ev.add(kind, CARD_SHAPE_EVIDENCE, reason)
    region = card.box if card is not None else (0, 0, picture.width, picture.height)
    faces = [f for f in _faces(scene) if _inside(f.box, region)]
    if faces and not any(ev.points.get(k, 0.0) >= MIN_EVIDENCE for k in CARD_KINDS | {"passport"}):
        ev.add("id_card", FACE_ON_CARD_EVIDENCE, "layout:face_on_card")


def _inside(box: Box, region: Box) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] <= cx <= region[2] and region[1] <= cy <= region[3]


def _document_box(picture: Picture, layout: TextLayout, kind: str, card: Quad | None, support: list[Box]) -> Box:
    if card is not None and kind in CARD_KINDS | {"passport"}:
        return card.box
    if kind in PAGE_KINDS and layout.lines:
        return union_box([line.box for line in layout.lines])
    if support:
        lines = [line.box for line in layout.lines if any(overlaps(line.box, s) for s in support)]
        return union_box(lines or support)
    return (0, 0, picture.width, picture.height)
