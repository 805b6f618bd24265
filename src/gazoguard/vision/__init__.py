"""Small shared heuristics for the document, screen, place and identity-mark detectors.

Nothing here loads a model: keyword sets kept as data (:mod:`.keywords`),
rectangle finding with OpenCV (:mod:`.quads`), and pixel statistics of
screenshots (:mod:`.flatness`).  Every image helper works on a downscaled
copy so the whole set stays within a few tens of milliseconds at 12 MP.
"""
