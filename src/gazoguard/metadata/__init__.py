"""Reading hidden data out of image files: EXIF, XMP, IPTC, container segments and trailers.

Pure parsers over bytes and Pillow's ``Exif``: nothing here decodes pixels
except the embedded-thumbnail check, and every parser tolerates garbage.
"""
