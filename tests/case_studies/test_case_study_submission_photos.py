"""Photos sent with a case study are checked and re-encoded: no fakes, animations, bombs or hidden location data."""

import io
import struct
import zlib

import pytest
from PIL import Image, PngImagePlugin

from case_studies import photos
from case_studies.models import CaseStudySubmission
from tests.support.case_studies import SUBMIT_URL, image_bytes, upload, valid_data

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def send_photo(client, site, photo):
    return client.post(SUBMIT_URL, valid_data(site, photo=photo, photo_description="Volunteers at the drop-in"))


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(width, height):
    """A tiny PNG file whose header claims an enormous picture."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", rows) + png_chunk(b"IEND", b"")


def animated(image_format):
    frames = [Image.new("RGB", (40, 40), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, image_format, save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        ("holiday.jpg", b"This is a text file pretending to be a photo.\n" * 20, "image/jpeg", photos.NOT_AN_IMAGE),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
            "image/svg+xml",
            photos.NOT_AN_IMAGE,
        ),
        (
            "logo.jpg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/jpeg",
            photos.NOT_AN_IMAGE,
        ),
        ("still.gif", image_bytes("GIF"), "image/gif", photos.NOT_AN_IMAGE),
        ("moving.gif", animated("GIF"), "image/gif", photos.NOT_AN_IMAGE),
        ("moving.png", animated("PNG"), "image/png", photos.ANIMATED),
        ("moving.webp", animated("WEBP"), "image/webp", photos.ANIMATED),
        ("huge.jpg", b"\xff\xd8\xff\xe0" + b"0" * (5 * 1024 * 1024), "image/jpeg", photos.TOO_BIG),
        ("bomb.png", bomb_png(100_000, 100_000), "image/png", photos.TOO_MANY_PIXELS),
        ("tall.png", bomb_png(8_000, 6_000), "image/png", photos.TOO_MANY_PIXELS),
        ("broken.jpg", image_bytes("JPEG")[:300], "image/jpeg", photos.NOT_AN_IMAGE),
        ("empty.jpg", b"", "image/jpeg", "The photo file is empty. Choose another photo"),
    ],
)
def test_bad_photos_are_refused_politely(client, site, name, content, content_type, message):
    response = send_photo(client, site, upload(content, name, content_type))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="#id_photo">{message}</a>' in html
    assert f'<span class="visually-hidden">Error:</span> {message}' in html
    assert 'value="Volunteers at the drop-in"' in html
    assert not CaseStudySubmission.objects.exists()


def test_pillow_bomb_errors_are_turned_into_a_message():
    """Above twice Pillow's own pixel limit, opening the file raises; the partner still gets a sentence."""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        photos.clean_photo(upload(bomb_png(200_000, 200_000), "bomb.png", "image/png"))
    assert error.value.messages == [photos.TOO_MANY_PIXELS]


def stored_photo(submission):
    with submission.photo.open_file() as file:
        return Image.open(io.BytesIO(file.read()))


@pytest.mark.django_db
def test_location_and_other_metadata_are_removed_and_the_photo_kept_upright(client, site):
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # taken with the phone on its side
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 52.0, 48.0), 3: "W", 4: (0.0, 25.0, 1.0)})
    original = image_bytes("JPEG", size=(300, 200), exif=exif, comment=b"Taken at 12 Example Road")
    source = Image.open(io.BytesIO(original))
    assert source.getexif().get_ifd(GPS_IFD)

    response = send_photo(client, site, upload(original, "IMG_0001.JPG"))
    assert response.status_code == 302
    submission = CaseStudySubmission.objects.get()
    image = stored_photo(submission)
    assert image.format == "JPEG"
    assert (image.width, image.height) == (200, 300)
    assert not image.getexif()
    assert "exif" not in image.info and "comment" not in image.info
    assert (submission.photo.width, submission.photo.height) == (200, 300)
    assert "IMG_0001" not in submission.photo.file.name
    assert submission.photo.file.name.startswith(f"original_images/{submission.reference.lower()}-")


@pytest.mark.django_db
def test_png_text_and_webp_exif_are_removed(client, site):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Sam Patel, 12 Example Road")
    png = image_bytes("PNG", pnginfo=info)
    assert Image.open(io.BytesIO(png)).info["Author"]
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 52.0, 48.0)})
    webp = image_bytes("WEBP", exif=exif)
    assert Image.open(io.BytesIO(webp)).getexif().get_ifd(GPS_IFD)

    assert send_photo(client, site, upload(png, "poster.png", "image/png")).status_code == 302
    assert send_photo(client, site, upload(webp, "poster.webp", "image/webp")).status_code == 302
    png_submission, webp_submission = CaseStudySubmission.objects.order_by("pk")
    stored_png = stored_photo(png_submission)
    assert stored_png.format == "PNG" and "Author" not in stored_png.info
    stored_webp = stored_photo(webp_submission)
    assert stored_webp.format == "WEBP" and not stored_webp.getexif()


@pytest.mark.django_db
def test_large_photos_are_stored_at_a_sensible_size(client, site):
    big = image_bytes("JPEG", size=(6000, 4000), quality=30)
    assert send_photo(client, site, upload(big, "big.jpg")).status_code == 302
    image = stored_photo(CaseStudySubmission.objects.get())
    assert max(image.size) == photos.MAX_STORED_EDGE
