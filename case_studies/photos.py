"""Checks and cleans photos uploaded through the public case study form.

Every photo is decoded and saved again (core.image_files), so what we keep is a plain web picture in sRGB, the
right way up: no hidden content, no EXIF or GPS location, no comments. Anything Pillow cannot read safely is
turned away with a message saying why.
"""

from django.core.exceptions import ValidationError

from core.image_files import ImageRefused, to_web_image

MAX_PHOTO_BYTES = 5 * 1024 * 1024
# A 40 megapixel photo is bigger than any phone camera takes. Checked before the pixels are
# decoded, so a small file claiming huge dimensions (a decompression bomb) never reaches memory.
MAX_PHOTO_PIXELS = 40_000_000
# Photos are stored no larger than this on their longest side; the site never shows them bigger.
MAX_STORED_EDGE = 4000

NOT_AN_IMAGE = "The photo must be a JPEG, PNG, WebP, HEIC or AVIF picture"
DAMAGED = "The photo file is damaged or incomplete. Save the photo again, or choose another photo"
TOO_BIG = "The photo must be smaller than 5 MB"
TOO_MANY_PIXELS = "The photo is too large. Choose a photo smaller than 40 megapixels, for example 6000 by 6000 pixels"
ANIMATED = "The photo must be a still picture, not an animation"

# The file input's accept attribute. HEIC and HEIF are named so phones offer their photos without converting them.
ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,image/avif"

MESSAGES = {"format": NOT_AN_IMAGE, "damaged": DAMAGED, "pixels": TOO_MANY_PIXELS, "animated": ANIMATED}


def clean_photo(uploaded_file):
    """Return a core.image_files.WebImage for an uploaded file, or raise ValidationError with a message."""
    if uploaded_file.size > MAX_PHOTO_BYTES:
        raise ValidationError(TOO_BIG, code="size")
    data = uploaded_file.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(TOO_BIG, code="size")
    try:
        return to_web_image(data, max_pixels=MAX_PHOTO_PIXELS, max_edge=MAX_STORED_EDGE)
    except ImageRefused as refusal:
        raise ValidationError(MESSAGES[refusal.code], code=refusal.code) from None
