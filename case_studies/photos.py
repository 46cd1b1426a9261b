"""Checks and cleans photos uploaded through the public case study form.

Every photo is decoded and saved again by Pillow, so what we keep is a plain picture: no hidden
content, no EXIF or GPS location, no comments. Anything Pillow cannot read safely is turned away.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps

MAX_PHOTO_BYTES = 5 * 1024 * 1024
# A 40 megapixel photo is bigger than any phone camera takes. Checked before the pixels are
# decoded, so a small file claiming huge dimensions (a decompression bomb) never reaches memory.
MAX_PHOTO_PIXELS = 40_000_000
# Photos are stored no larger than this on their longest side; the site never shows them bigger.
MAX_STORED_EDGE = 4000

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

NOT_AN_IMAGE = "The photo must be a JPEG, PNG or WebP picture"
TOO_BIG = "The photo must be smaller than 5 MB"
TOO_MANY_PIXELS = "The photo is too large. Choose a photo smaller than 40 megapixels, for example 6000 by 6000 pixels"
ANIMATED = "The photo must be a still picture, not an animation"


class CleanPhoto:
    """A re-encoded photo, ready to be saved as an image in the media library."""

    def __init__(self, content, extension, width, height):
        self.content = content
        self.extension = extension
        self.width = width
        self.height = height


def _open(data):
    with warnings.catch_warnings():
        # Pillow only warns about images between its own limit and twice that; treat that as an error too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data))
        if image.format not in ALLOWED_FORMATS:
            raise ValidationError(NOT_AN_IMAGE, code="format")
        if image.width * image.height > MAX_PHOTO_PIXELS:
            raise ValidationError(TOO_MANY_PIXELS, code="pixels")
        if getattr(image, "is_animated", False) or getattr(image, "n_frames", 1) > 1:
            raise ValidationError(ANIMATED, code="animated")
        # verify() checks the file's structure; the image must then be opened again to decode it.
        image.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    return image


def clean_photo(uploaded_file):
    """Return a CleanPhoto for an uploaded file, or raise ValidationError with a message for the partner."""
    if uploaded_file.size > MAX_PHOTO_BYTES:
        raise ValidationError(TOO_BIG, code="size")
    data = uploaded_file.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(TOO_BIG, code="size")
    try:
        image = _open(data)
        image_format = image.format
        icc_profile = image.info.get("icc_profile")
        # Turn the picture the right way up before the EXIF orientation tag is thrown away.
        image = ImageOps.exif_transpose(image)
        image.thumbnail((MAX_STORED_EDGE, MAX_STORED_EDGE))
        if image_format == "JPEG":
            image = image.convert("L" if image.mode == "L" else "RGB")
        else:
            image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        # Nothing from the original file's metadata (EXIF, GPS, comments, text chunks) is written out.
        image.info = {}
        output = io.BytesIO()
        options = {"icc_profile": icc_profile} if icc_profile else {}
        if image_format == "JPEG":
            image.save(output, "JPEG", quality=88, optimize=True, **options)
        elif image_format == "PNG":
            image.save(output, "PNG", optimize=True, **options)
        else:
            image.save(output, "WEBP", quality=85, **options)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(TOO_MANY_PIXELS, code="pixels") from None
    except Exception:
        # Pillow raises many kinds of error on broken or hostile files (OSError, SyntaxError,
        # ValueError, struct.error...). All of them mean the same thing to the partner.
        raise ValidationError(NOT_AN_IMAGE, code="invalid") from None
    return CleanPhoto(output.getvalue(), ALLOWED_FORMATS[image_format], image.width, image.height)
