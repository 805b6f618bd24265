"""Screens: screenshots of apps and web pages, and photos of a lit screen in its bezel.

A **screenshot** must first look rendered — most pixels in perfectly flat
fills and several exact, long horizontal/vertical edges (a camera's noise
allows neither) — and then show at least one interface sign, because printed
or scanned documents are flat and ruled too:

* interface words (``gazoguard/vision/data/screens.toml``: 既読, 送信, Search, …),
* a status bar (a clock such as 12:34 in the top strip, with battery % or a carrier),
* a dark-mode fill (paper is never dark) or several tinted panels,
* the exact pixel size of a common phone or monitor.

A **photo of a screen** is a bright, evenly lit four-cornered region in a
much darker frame, shaped like a device (4:3 … 20:9) — or, when a hand or
dark content hides part of the frame, a bright panel whose bright→dark step
into a thin bezel runs dead straight along ≥ 2 sides (``vision/screen_quads``)
*and* that shows something a screen shows: a face (a video call, a photo on
a phone) or interface text (a clock, battery %, UI words) inside the panel.
When the dark frame runs straight along all **four** sides, the panel's own
light is enough (``vision/panel_light``): lit far above its surroundings,
evenly over the whole panel (a backlight has no fall-off), with dark content
drawn on it — a monitor, TV, signage display or phone whose outline is all
in view, whatever it shows.

What can be read on the screen (clock times, addresses, speaker names in a
chat) goes into ``attrs.readable``.
"""

from __future__ import annotations

from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Finding
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene
from gazoguard.perception.textlayout import TextLayout
from gazoguard.vision import patterns
from gazoguard.vision.flatness import Flatness, measure
from gazoguard.vision.keywords import FoldedText, evidence, load_keyword_sets
from gazoguard.vision.panel_light import PanelLight, measure_panel_light
from gazoguard.vision.quads import Quad, find_quads
from gazoguard.vision.screen_quads import ScreenQuad, find_bezel_quads
from gazoguard.imaging.scaled import SHAPE_SIDE, sample_rgb, shape_gray

MIN_FLAT = 0.40
MIN_STRAIGHT_LINES = 3
MIN_UI_EVIDENCE = 2.0
MIN_DARK_FILL = 0.25
MIN_TINTED_PANELS = 2
STATUS_BAR_SHARE = 0.08  # top strip of the picture where a phone shows its clock
MAX_READABLE = 12
LONE_CLOCK_SHARE = 0.05  # a bare clock this near the top is a phone's status bar
ADDRESS_BAR_SHARE = 0.15  # a browser's address bar sits in this top strip

# (short side, long side) of common phones, tablets and monitors, in pixels
DEVICE_SIZES = frozenset(
    {
        (640, 1136), (750, 1334), (828, 1792), (1080, 1920), (1080, 2340), (1080, 2400), (1125, 2436),
        (1170, 2532), (1179, 2556), (1242, 2688), (1284, 2778), (1290, 2796), (1440, 3200), (1440, 3120),
        (720, 1280), (720, 1600), (1536, 2048), (1620, 2160), (1668, 2388), (2048, 2732),
        (768, 1366), (900, 1440), (900, 1600), (1050, 1680), (1080, 1920), (1200, 1920), (1440, 2560),
        (1600, 2560), (1800, 2880), (1964, 3024), (2160, 3840),
    }
)

# photo of a lit screen: a device-shaped quad much brighter than its frame
SCREEN_MIN_AREA = 0.08
SCREEN_ASPECTS = (1.25, 2.3)
SCREEN_MAX_FRAME_GREY = 80
SCREEN_MIN_CONTRAST = 1.6
# photo of a screen whose frame is partly hidden: straight bezel sides plus on-screen content
BEZEL_MIN_STRAIGHT_SIDES = 2
BEZEL_MAX_ASPECT = 2.3
PANEL_STATUS_SHARE = 0.12  # top strip of a photographed panel where its status bar sits
# a lit panel whose whole outline is in view: its light alone says screen
CLOSED_FRAME_SIDES = 4
# light level / median grey just outside the panel.  2.5 in sRGB grey is ~7× in linear light: more than
# white paper gets over ordinary mid-tone surroundings under the same light (~0.85 / 0.2)
LIT_MIN_CONTRAST = 2.5
LIT_MIN_EVENNESS = 0.75  # darkest / brightest cell light level: a backlight lights the panel evenly
LIT_MIN_CONTENT = 0.05  # share of the panel drawn dark on the light: text, a code, a picture
LIT_PANEL_SCORE = 0.6


class ScreenDetector(Detector):
    name = "screens"
    kinds = frozenset({"screen"})
    timeout_s = 30.0
    order = 40

    def load(self) -> None:
        self._ui = load_keyword_sets("screens")["ui"]

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        # what the pixels alone say is measured first, while OCR is still reading the picture
        pixel_stats = measure(sample_rgb(picture))
        quads = find_quads(picture)
        layout: TextLayout = scene.text()
        folded = FoldedText(layout.text)
        ui_hits = self._ui.hits(folded)
        readable = readable_items(layout)
        signals = screenshot_signals(picture, layout, pixel_stats, evidence(ui_hits))
        if signals:
            return [
                Finding(
                    kind="screen",
                    score=min(0.95, 0.55 + 0.1 * len(signals)),
                    detector=self.name,
                    box=(0, 0, picture.width, picture.height),
                    attrs={
                        "screen_type": "screenshot",
                        "signals": signals,
                        "ui_words": sorted({h.term for h in ui_hits}),
                        "readable": readable,
                    },
                )
            ]
        quad = lit_screen_quad(quads)
        if quad is None:
            return self._bezel_screen(picture, scene, layout, readable, ui_hits)
        inside = [item for item in readable if _centre_inside(item["box"], quad.box)]
        return [
            Finding(
                kind="screen",
                score=0.6 + 0.1 * bool(inside) + 0.1 * bool(ui_hits),
                detector=self.name,
                box=quad.box,
                attrs={
                    "screen_type": "photo_of_screen",
                    "signals": [f"lit_quad:{quad.inside:.0f}/{quad.ring:.0f}"],
                    "ui_words": sorted({h.term for h in ui_hits}),
                    "readable": inside,
                },
            )
        ]


    def _bezel_screen(self, picture: Picture, scene: Scene, layout: TextLayout, readable: list[dict], ui_hits) -> list[Finding]:  # type: ignore[no-untyped-def]
        panels = find_bezel_quads(
            picture, BEZEL_MIN_STRAIGHT_SIDES, min_area_share=SCREEN_MIN_AREA, max_aspect=BEZEL_MAX_ASPECT
        )
        if not panels:
            return []
        faces = [face.box for face in scene.faces()]
        gray = shape_gray(picture, SHAPE_SIDE)  # the copy the panel masks were made on
        for panel in panels:
            content = panel_content(panel, layout, faces, self._ui)
            # the panel's light alone is weaker evidence than something a screen shows on it
            score = min(0.9, 0.55 + 0.1 * len(content) + 0.05 * panel.straight_sides) if content else LIT_PANEL_SCORE
            content = content or lit_panel_signals(panel, measure_panel_light(gray, panel))
            if content:
                return [
                    Finding(
                        kind="screen",
                        score=score,
                        detector=self.name,
                        box=panel.box,
                        attrs={
                            "screen_type": "photo_of_screen",
                            "signals": [f"bezel_sides:{panel.straight_sides}", *content],
                            "ui_words": sorted({h.term for h in ui_hits}),
                            "readable": [item for item in readable if _centre_inside(item["box"], panel.box)],
                        },
                    )
                ]
        return []


def panel_content(panel: ScreenQuad, layout: TextLayout, faces: list[tuple[int, int, int, int]], ui) -> list[str]:  # type: ignore[no-untyped-def]
    """What on the panel looks shown by a screen: a face, a clock / battery %, interface words."""
    signals: list[str] = []
    if any(_centre_inside(list(face), panel.box) for face in faces):
        signals.append("face_on_panel")
    inside = [line for line in layout.lines if _centre_inside(list(line.box), panel.box)]
    folded = FoldedText(" ".join(line.text for line in inside))
    # a receipt or a letter prints times too: only a clock in the panel's top strip, beside battery or network, counts
    top = panel.box[1] + PANEL_STATUS_SHARE * (panel.box[3] - panel.box[1])
    if _is_status_text(" ".join(FoldedText(line.text).folded for line in inside if line.box[3] <= top)):
        signals.append("status_bar")
    ui_evidence = evidence(ui.hits(folded)) if inside else 0.0
    if ui_evidence >= MIN_UI_EVIDENCE:
        signals.append(f"ui_words:{ui_evidence:g}")
    return signals


def lit_panel_signals(panel: ScreenQuad, light: PanelLight) -> list[str]:
    """A panel in a straight dark frame on all four sides that lights itself: bright, even, with content drawn on it."""
    if (
        panel.straight_sides < CLOSED_FRAME_SIDES
        or light.level < LIT_MIN_CONTRAST * max(light.surround, 1.0)
        or light.evenness < LIT_MIN_EVENNESS
        or light.content < LIT_MIN_CONTENT
    ):
        return []
    return [
        f"lit_panel:{light.level:.0f}/{light.surround:.0f}",
        f"even:{light.evenness:.2f}",
        f"content:{light.content:.2f}",
    ]


def screenshot_signals(picture: Picture, layout: TextLayout, flat: Flatness, ui_evidence: float) -> list[str]:
    """The interface signs of a rendered picture; empty when it does not look rendered or shows none."""
    if flat.flat < MIN_FLAT or flat.straight_lines < MIN_STRAIGHT_LINES:
        return []
    signals: list[str] = []
    if ui_evidence >= MIN_UI_EVIDENCE:
        signals.append(f"ui_words:{ui_evidence:g}")
    if has_status_bar(layout, picture.height):
        signals.append("status_bar")
    elif has_lone_clock(layout, picture.height):
        signals.append("status_clock")
    if has_address_bar(layout, picture.height):
        signals.append("address_bar")
    if flat.dark_flat >= MIN_DARK_FILL:
        signals.append(f"dark_fill:{flat.dark_flat:.2f}")
    if flat.tinted_fills >= MIN_TINTED_PANELS:
        signals.append(f"tinted_panels:{flat.tinted_fills}")
    if (min(picture.width, picture.height), max(picture.width, picture.height)) in DEVICE_SIZES:
        signals.append("device_size")
    return signals


def has_status_bar(layout: TextLayout, height: int) -> bool:
    """A clock in the top strip, next to a battery percentage, a carrier or a network word."""
    top = [line for line in layout.lines if line.box[3] <= STATUS_BAR_SHARE * height]
    return _is_status_text(" ".join(FoldedText(line.text).folded for line in top))


def has_lone_clock(layout: TextLayout, height: int) -> bool:
    """A phone's clock alone at the very top (9:41, 12:34 with its icons not read): a rendered page
    does not start with a bare time."""
    top = [line for line in layout.lines if line.box[3] <= LONE_CLOCK_SHARE * height]
    return any(patterns.CLOCK.fullmatch(FoldedText(line.text).folded.strip()) for line in top)


def has_address_bar(layout: TextLayout, height: int) -> bool:
    """A web address on a short line in the top strip: a browser's address bar."""
    top = [line for line in layout.lines if line.box[3] <= ADDRESS_BAR_SHARE * height]
    return any(patterns.WEB.search(FoldedText(line.text).folded) and len(line.text) <= 60 for line in top)


def _is_status_text(text: str) -> bool:
    if not patterns.CLOCK.search(text):
        return False
    return bool(patterns.PERCENT.search(text) or any(w in text for w in ("LTE", "4G", "5G", "WI-FI", "DOCOMO", "AU", "SOFTBANK")))


def readable_items(layout: TextLayout) -> list[dict]:
    """Times, web addresses and chat speaker names readable on the screen (first few, with boxes)."""
    items: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for line in layout.lines:
        folded = FoldedText(line.text)
        found = [("time", m) for m in patterns.CLOCK.finditer(folded.folded)]
        found += [("url", m) for m in patterns.WEB.finditer(folded.folded)]
        speaker = _speaker(line.text)
        if speaker:
            key = ("chat_name", speaker)
            if key not in seen:
                seen.add(key)
                items.append({"type": "chat_name", "text": speaker, "box": list(line.box)})
        for kind, match in found:
            start, end = folded.span(match.start(), match.end())
            value = line.text[start:end]
            if (kind, value) not in seen:
                seen.add((kind, value))
                items.append({"type": kind, "text": value, "box": list(line.box)})
        if len(items) >= MAX_READABLE:
            break
    return items[:MAX_READABLE]


def _speaker(text: str) -> str | None:
    """``Name: message`` — the name of who wrote a chat line (short, no digits)."""
    for sep in (":", "："):
        head, found, tail = text.partition(sep)
        head = head.strip()
        if found and tail.strip() and 0 < len(head) <= 16 and not any(c.isdigit() for c in head) and " " not in head.strip():
            return head
    return None


def lit_screen_quad(quads: list[Quad]) -> Quad | None:
    for quad in quads:
        if (
            quad.area_share >= SCREEN_MIN_AREA
            and SCREEN_ASPECTS[0] <= quad.aspect <= SCREEN_ASPECTS[1]
            and quad.ring <= SCREEN_MAX_FRAME_GREY
            and quad.inside >= SCREEN_MIN_CONTRAST * max(quad.ring, 1.0)
        ):
            return quad
    return None


def _centre_inside(box: list[int], region: tuple[int, int, int, int]) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] <= cx <= region[2] and region[1] <= cy <= region[3]
