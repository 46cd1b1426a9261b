"""Turn the picture files cameras, phones and other programs make into web images.

Both ways pictures reach the site (the public case study form and the admin's image uploads) go through
`to_web_image`, so one set of rules decides what is stored:

- Containers: JPEG, MPO (a camera's JPEG with a second, preview picture: its first picture is kept), PNG, WebP,
  HEIC/HEIF (iPhones' default) and AVIF are read. HEIC and AVIF are stored as JPEG, or as WebP when they have
  transparency, because every browser shows those and re-encoding a large AVIF takes seconds on our servers.
- Colour: a picture with an embedded ICC profile (CMYK from print workflows, Display P3 from phones, Adobe RGB
  from cameras) is converted through that profile to sRGB, the colour space browsers assume for an untagged
  image, and stored without a profile.
- Modes: CMYK, YCbCr, 1-bit, palette and 16-bit pictures become 8-bit greyscale or RGB, with their
  transparency kept where the stored format can hold it.
- Orientation: the EXIF Orientation tag is applied to the pixels, so the picture is stored the right way up.
- Refused, with a code the caller turns into a message: files that are not pictures (or are SVG, TIFF...),
  damaged or incomplete files, animations, and pictures with more pixels than allowed (decompression bombs are
  caught before their pixels are decoded).
"""

import io
import warnings
from dataclasses import dataclass

import pillow_heif
from PIL import Image, ImageCms, ImageOps

pillow_heif.register_heif_opener()

EXIF_ORIENTATION = 0x0112

# Pillow's format names for what each way in accepts.
PHOTO_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "HEIF", "AVIF"})
# Containers whose extra pictures are previews or alternatives of the first, not frames of an animation.
MULTI_PICTURE_FORMATS = frozenset({"MPO", "HEIF"})
# Formats stored as they are when nothing about the picture needs changing (see `to_web_image`).
WEB_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF"})
WEB_MODES = frozenset({"1", "L", "LA", "P", "RGB", "RGBA"})

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# The colour space an ICC profile describes (its header's data colour space) and the Pillow modes it fits.
_PROFILE_MODES = {"RGB": {"RGB", "RGBA"}, "CMYK": {"CMYK"}, "GRAY": {"L", "LA"}}


class ImageRefused(Exception):
    """The file cannot be stored. `code` is one of "format", "damaged", "pixels" or "animated"."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class WebImage:
    """A stored-ready picture: the file's bytes, its extension (no dot), and its size in pixels."""

    content: bytes
    extension: str
    width: int
    height: int
    converted: bool


def _open_checked(data, formats, max_pixels):
    """Open `data` with Pillow and check it before decoding any pixels. Raises ImageRefused."""
    try:
        image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused("pixels") from None
    except Exception:
        raise ImageRefused("format") from None
    if image.format not in formats:
        raise ImageRefused("format")
    if image.width * image.height > max_pixels:
        raise ImageRefused("pixels")
    if getattr(image, "n_frames", 1) > 1 and image.format not in MULTI_PICTURE_FORMATS:
        raise ImageRefused("animated")
    return image


def _eight_bit(image):
    """16- and 32-bit greyscale (mode I;16, I or F) scaled into 8 bits, rather than clipped at 255."""
    if image.mode in {"I;16", "I;16B", "I;16L", "I;16N"}:
        image = image.convert("I")
    if image.mode in {"I", "F"}:
        return image.point(lambda value: value / 257).convert("L")
    return image


def _split_alpha(image):
    """Return (colour picture in mode L, RGB or CMYK, alpha band or None)."""
    if image.mode == "1":
        image = image.convert("L")
    elif image.mode in {"P", "PA", "RGBa", "La"} or (image.mode in {"L", "RGB"} and image.has_transparency_data):
        image = image.convert("LA" if image.mode in {"L", "La"} else "RGBA" if image.has_transparency_data else "RGB")
    if image.mode in {"RGBA", "LA"}:
        return image.convert(image.mode[:-1]), image.getchannel("A")
    if image.mode in {"L", "RGB", "CMYK"}:
        return image, None
    # YCbCr, LAB, HSV: Pillow converts these to RGB exactly.
    return image.convert("RGB"), None


def _to_srgb(image, icc_profile):
    """Convert through the embedded profile to sRGB. A profile that is broken or does not fit is ignored."""
    if icc_profile and image.mode in {"L", "RGB", "CMYK"}:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            colour_space = profile.profile.xcolor_space.strip()
            if image.mode in _PROFILE_MODES.get(colour_space, ()):
                grey = image.mode == "L"
                image = ImageCms.profileToProfile(image, profile, _SRGB, outputMode="RGB")
                return image.convert("L") if grey else image
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    return image if image.mode in {"L", "RGB"} else image.convert("RGB")


def _is_web_ready(image, data_format):
    orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    icc_profile = image.info.get("icc_profile")
    return (
        data_format in WEB_FORMATS
        and image.mode in WEB_MODES
        and orientation == 1
        and not (icc_profile and "srgb" not in _profile_description(icc_profile).lower())
    )


def _profile_description(icc_profile):
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)).profile.profile_description or ""
    except (ImageCms.PyCMSError, OSError, ValueError):
        return ""


def to_web_image(data, *, formats=PHOTO_FORMATS, max_pixels, max_edge=None, keep_web_ready=False):
    """Return a WebImage for the picture file `data` (bytes), or raise ImageRefused.

    formats: Pillow format names accepted. max_pixels: the largest width × height accepted. max_edge: the
    longest side, in pixels, a picture is reduced to (None keeps its size). keep_web_ready: store the file's own
    bytes when it is already a plain web image (right format, mode, orientation and colour space); otherwise
    every picture is decoded and saved again, which also drops its metadata (EXIF, GPS location, comments).
    """
    try:
        with warnings.catch_warnings():
            # Pillow only warns about images between its own limit and twice that; treat that as an error too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = _open_checked(data, formats, max_pixels)
            source_format = image.format
            if keep_web_ready and _is_web_ready(image, source_format):
                image.load()
                fits = max_edge is None or max(image.size) <= max_edge
                if fits:
                    return WebImage(data, EXTENSIONS[source_format], image.width, image.height, converted=False)
            image.load()
    except ImageRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused("pixels") from None
    except Exception:
        # Pillow raises many kinds of error on truncated or hostile files (OSError, SyntaxError, ValueError,
        # struct.error...). All of them mean the file is damaged.
        raise ImageRefused("damaged") from None
    return _reencode(image, source_format, max_edge)


def _reencode(image, source_format, max_edge):
    icc_profile = image.info.get("icc_profile")
    image = _eight_bit(ImageOps.exif_transpose(image))
    if max_edge:
        image.thumbnail((max_edge, max_edge))
    colour, alpha = _split_alpha(image)
    colour = _to_srgb(colour, icc_profile)
    if alpha is not None and alpha.getextrema()[0] < 255:
        colour = colour.convert("RGBA" if colour.mode == "RGB" else "LA")
        colour.putalpha(alpha)
    output_format = source_format
    if source_format in {"JPEG", "MPO", "HEIF", "AVIF"}:
        output_format = "WEBP" if colour.mode in {"RGBA", "LA"} else "JPEG"
    if output_format == "WEBP" and colour.mode in {"L", "LA"}:
        colour = colour.convert("RGBA" if colour.mode == "LA" else "RGB")
    if output_format == "GIF":
        output_format = "PNG"
    # Nothing from the original file's metadata (EXIF, GPS, comments, text chunks, profile) is written out.
    colour.info = {}
    output = io.BytesIO()
    if output_format == "JPEG":
        colour.save(output, "JPEG", quality=88, optimize=True)
    elif output_format == "WEBP":
        colour.save(output, "WEBP", quality=85)
    else:
        colour.save(output, output_format, optimize=True)
    return WebImage(output.getvalue(), EXTENSIONS[output_format], colour.width, colour.height, converted=True)
