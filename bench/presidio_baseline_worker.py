"""Runs INSIDE bench/.venv-presidio: Presidio image analyzer (Tesseract jpn+eng + GiNZA) on image paths.

Prints one JSON line per image: {"path", "seconds": [one per timed run], "detections": [{"entity", "text"}]}.
"""

import json
import sys
import time

import tldextract

# Presidio's e-mail/URL recognizers call tldextract, which tries to download the public-suffix list;
# this machine is offline, so use the snapshot bundled in the package (as a careful user would).
_offline = tldextract.TLDExtract(suffix_list_urls=())
tldextract.extract = _offline
tldextract.tldextract.extract = _offline

from PIL import Image  # noqa: E402
from presidio_analyzer import AnalyzerEngine  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402
from presidio_image_redactor import ImageAnalyzerEngine, TesseractOCR  # noqa: E402

provider = NlpEngineProvider(nlp_configuration={
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": "ja", "model_name": "ja_ginza"}, {"lang_code": "en", "model_name": "ja_ginza"}],
})
analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["ja", "en"])
ocr = TesseractOCR()
image_analyzer = ImageAnalyzerEngine(analyzer_engine=analyzer, ocr=ocr)

def analyse(image: Image.Image) -> tuple[str, list]:
    ocr_result = ocr.perform_ocr(image, lang="jpn+eng")
    ocr_result = image_analyzer.remove_space_boxes(ocr_result)
    text = ocr.get_text_from_ocr_dict(ocr_result)
    return text, analyzer.analyze(text=text, language="ja")


# usage: presidio_baseline_worker.py RUNS PATH...  — each image analysed once untimed (warm), then RUNS times
runs, paths = int(sys.argv[1]), sys.argv[2:]
for path in paths:
    image = Image.open(path).convert("RGB")
    analyse(image)
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        text, results = analyse(image)
        seconds.append(time.perf_counter() - started)
    detections = [{"entity": r.entity_type, "text": text[r.start:r.end]} for r in results]
    print(json.dumps({"path": path, "seconds": seconds, "detections": detections}, ensure_ascii=False), flush=True)
