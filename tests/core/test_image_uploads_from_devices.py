"""Pictures as cameras, phones and other programs make them, through both ways into the media library.

Each picture goes through the public case study form and the admin's "Add an image" page. It is either stored as
a web image (sRGB, 8 bits, the right way up, the first picture of a multi-picture file) or refused with a message
saying why, keeping everything else that was typed. Never a server error.
"""

import io
from pathlib import Path

import pillow_heif
import pytest
from django.urls import reverse
from PIL import Image, ImageCms
from wagtail.models import Collection

from case_studies import photos
from case_studies.models import CaseStudySubmission
from core.image_forms import MESSAGES as ADMIN_MESSAGES
from core.models import HETImage
from tests.support.case_studies import SUBMIT_URL, upload, valid_data

pillow_heif.register_heif_opener()
pytestmark = pytest.mark.django_db

CMYK_PROFILE = (Path(__file__).parent.parent / "fixtures" / "fogra39l-cmyk.icc").read_bytes()
# A dark blue as a print designer would specify it, in ink percentages of 255.
PRINT_BLUE = (230, 204, 56, 20)
ORIENTATION = 0x0112
RED, BLUE = (210, 20, 20), (20, 40, 200)
DESCRIPTION = "Volunteers at the drop-in"


def encode(image, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def close(actual, expected, tolerance):
    assert all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True)), (actual, expected)


def profile_correct(cmyk):
    """What a colour-managed program shows for `cmyk` under the fixture profile: the perceptual intent into sRGB."""
    profile = ImageCms.ImageCmsProfile(io.BytesIO(CMYK_PROFILE))
    srgb = ImageCms.createProfile("sRGB")
    pixel = Image.new("CMYK", (1, 1), cmyk)
    return ImageCms.profileToProfile(pixel, profile, srgb, outputMode="RGB").getpixel((0, 0))


# Storing through each way in -------------------------------------------------------------------------------------


@pytest.fixture(params=["public form", "admin"])
def way_in(request):
    return request.param


@pytest.fixture
def send(way_in, request, client):
    """send(bytes, file name, content type) -> the HTTP response, through the way in under test."""
    if way_in == "public form":
        site = request.getfixturevalue("case_study_site")

        def post(content, name, content_type):
            photo = upload(content, name, content_type)
            return client.post(SUBMIT_URL, valid_data(site, photo=photo, photo_description=DESCRIPTION))

    else:
        officer = request.getfixturevalue("editor_client")

        def post(content, name, content_type):
            data = {
                "title": "HealthFest crowd",
                "description": DESCRIPTION,
                "collection": str(Collection.get_first_root_node().pk),
                "tags": "",
                "file": upload(content, name, content_type),
            }
            return officer.post(reverse("wagtailimages:add"), data)

    return post


def stored_file(way_in):
    image = CaseStudySubmission.objects.get().photo if way_in == "public form" else HETImage.objects.get()
    with image.file.open("rb") as file:
        content = file.read()
    return image, Image.open(io.BytesIO(content))


def store(send, way_in, content, name, content_type):
    response = send(content, name, content_type)
    assert response.status_code == 302, response.content.decode()[:2000]
    image, stored = stored_file(way_in)
    assert (image.width, image.height) == stored.size
    assert stored.format in {"JPEG", "PNG", "WEBP", "GIF"}
    assert "icc_profile" not in stored.info or "sRGB" in profile_description(stored.info["icc_profile"])
    assert stored.getexif().get(ORIENTATION, 1) == 1
    return stored


def profile_description(icc_profile):
    return ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)).profile.profile_description


# The two examples from the report ---------------------------------------------------------------------------------


def test_a_camera_mpo_is_accepted_and_its_first_picture_stored(send, way_in):
    main, preview = Image.new("RGB", (120, 80), RED), Image.new("RGB", (40, 30), BLUE)
    mpo = encode(main, "MPO", save_all=True, append_images=[preview])
    assert Image.open(io.BytesIO(mpo)).format == "MPO"

    stored = store(send, way_in, mpo, "DSC_0042.JPG", "image/jpeg")
    assert stored.format == "JPEG" and stored.size == (120, 80)
    assert getattr(stored, "n_frames", 1) == 1
    close(stored.getpixel((60, 40)), RED, 4)


def test_a_cmyk_jpeg_is_converted_through_its_profile_and_stored_without_it(send, way_in):
    picture = encode(Image.new("CMYK", (64, 48), PRINT_BLUE), "JPEG", icc_profile=CMYK_PROFILE, quality=95)
    expected = profile_correct(PRINT_BLUE)
    naive = Image.new("CMYK", (1, 1), PRINT_BLUE).convert("RGB").getpixel((0, 0))
    assert max(abs(a - b) for a, b in zip(expected, naive, strict=True)) > 30, "the profile changes the colour"

    stored = store(send, way_in, picture, "leaflet-cover.jpg", "image/jpeg")
    assert stored.mode == "RGB"
    close(stored.getpixel((32, 24)), expected, 4)
    assert "icc_profile" not in stored.info


# Modes and containers ----------------------------------------------------------------------------------------------


def palette_with_transparency():
    image = Image.new("P", (40, 30), 0)
    image.putpalette([0, 0, 0, *RED])
    image.paste(1, (20, 0, 40, 30))
    image.info["transparency"] = 0
    return encode(image, "PNG")


def sixteen_bit_grey():
    image = Image.new("I;16", (40, 30), 40_000)
    return encode(image, "PNG")


def heic(mode="RGB", colour=RED):
    return encode(Image.new(mode, (60, 40), colour), "HEIF", quality=90)


# (file name, content type, file bytes, stored format, stored mode, pixel at (10, 10), tolerance)
ACCEPTED = [
    pytest.param("rgb.png", "image/png", encode(Image.new("RGB", (40, 30), BLUE), "PNG"), "PNG", "RGB", BLUE, 0),
    pytest.param(
        "rgba.png",
        "image/png",
        encode(Image.new("RGBA", (40, 30), (*BLUE, 128)), "PNG"),
        "PNG",
        "RGBA",
        (*BLUE, 128),
        0,
    ),
    pytest.param("la.png", "image/png", encode(Image.new("LA", (40, 30), (90, 128)), "PNG"), "PNG", "LA", (90, 128), 0),
    pytest.param("grey.png", "image/png", encode(Image.new("L", (40, 30), 90), "PNG"), "PNG", "L", 90, 0),
    pytest.param("grey.jpg", "image/jpeg", encode(Image.new("L", (40, 30), 90), "JPEG"), "JPEG", "L", 90, 2),
    pytest.param("palette.png", "image/png", palette_with_transparency(), "PNG", {"P", "RGBA"}, (0, 0, 0, 0), 0),
    pytest.param("bilevel.png", "image/png", encode(Image.new("1", (40, 30), 1), "PNG"), "PNG", {"1", "L"}, 255, 0),
    # 40,000 of 65,535 is 61% grey: 156 of 255, not clipped to white.
    pytest.param("scan-16bit.png", "image/png", sixteen_bit_grey(), "PNG", "L", 156, 1),
    pytest.param(
        "cmyk-no-profile.jpg",
        "image/jpeg",
        encode(Image.new("CMYK", (40, 30), (0, 255, 255, 0)), "JPEG", quality=95),
        "JPEG",
        "RGB",
        (255, 0, 0),
        6,
    ),
    pytest.param(
        "ycbcr.jpg",
        "image/jpeg",
        encode(Image.new("YCbCr", (40, 30), (100, 90, 180)), "JPEG", quality=95),
        "JPEG",
        "RGB",
        Image.new("YCbCr", (1, 1), (100, 90, 180)).convert("RGB").getpixel((0, 0)),
        4,
    ),
    pytest.param("IMG_4031.HEIC", "image/heic", heic(), "JPEG", "RGB", RED, 6),
    pytest.param("sticker.heic", "image/heic", heic("RGBA", (*RED, 128)), "WEBP", "RGBA", (*RED, 128), 8),
    pytest.param("photo.avif", "image/avif", encode(Image.new("RGB", (60, 40), RED), "AVIF"), "JPEG", "RGB", RED, 8),
    pytest.param("photo.webp", "image/webp", encode(Image.new("RGB", (60, 40), RED), "WEBP"), "WEBP", "RGB", RED, 6),
]


@pytest.mark.parametrize(("name", "content_type", "content", "image_format", "mode", "pixel", "tolerance"), ACCEPTED)
def test_pictures_in_every_mode_and_container_are_stored_as_web_images(
    send, way_in, name, content_type, content, image_format, mode, pixel, tolerance
):
    stored = store(send, way_in, content, name, content_type)
    assert stored.format == image_format
    assert stored.mode in ({mode} if isinstance(mode, str) else mode)
    if stored.mode == "P":
        # Kept as it was by the admin: a palette picture is already a web image.
        stored = stored.convert("RGBA")
    close(
        stored.getpixel((10, 10)) if isinstance(pixel, tuple) else (stored.getpixel((10, 10)),),
        pixel if isinstance(pixel, tuple) else (pixel,),
        tolerance,
    )


def test_a_transparent_palette_picture_keeps_its_opaque_pixels(send, way_in):
    stored = store(send, way_in, palette_with_transparency(), "palette.png", "image/png")
    assert stored.convert("RGBA").getpixel((30, 10)) == (*RED, 255)


# Where the red corner is in the file as the camera wrote it, for each EXIF orientation, and the file's size. Shown
# the right way up, every one is 60 × 40 with the red corner at the top left.
ORIENTATIONS = {
    1: ("top left", (60, 40)),
    2: ("top right", (60, 40)),
    3: ("bottom right", (60, 40)),
    4: ("bottom left", (60, 40)),
    5: ("top left", (40, 60)),
    6: ("bottom left", (40, 60)),
    7: ("bottom right", (40, 60)),
    8: ("top right", (40, 60)),
}


def camera_picture(orientation):
    corner, (width, height) = ORIENTATIONS[orientation]
    image = Image.new("RGB", (width, height), BLUE)
    left = 0 if "left" in corner else width - 20
    top = 0 if "top" in corner else height - 20
    image.paste(RED, (left, top, left + 20, top + 20))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    return encode(image, "JPEG", exif=exif, quality=95)


@pytest.mark.parametrize("orientation", sorted(ORIENTATIONS))
def test_every_exif_orientation_is_stored_the_right_way_up(send, way_in, orientation):
    stored = store(send, way_in, camera_picture(orientation), f"IMG_000{orientation}.JPG", "image/jpeg")
    assert stored.size == (60, 40)
    close(stored.getpixel((5, 5)), RED, 12)
    for corner in ((54, 5), (5, 34), (54, 34)):
        close(stored.getpixel(corner), BLUE, 12)


def test_an_iphone_photo_taken_on_its_side_is_stored_the_right_way_up(send, way_in):
    # As the sensor saw it: 60 × 40 with the red corner at the bottom left; shown upright: 40 × 60, red top left.
    sensor = Image.new("RGB", (60, 40), BLUE)
    sensor.paste(RED, (0, 20, 20, 40))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    photo = encode(sensor, "HEIF", exif=exif.tobytes(), quality=90)

    stored = store(send, way_in, photo, "IMG_4032.HEIC", "image/heic")
    assert stored.format == "JPEG" and stored.size == (40, 60)
    close(stored.getpixel((5, 5)), RED, 12)
    close(stored.getpixel((34, 54)), BLUE, 12)


# Refusals --------------------------------------------------------------------------------------------------------


def bomb_png(width, height):
    """A tiny PNG whose header claims an enormous picture."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def animated(image_format):
    frames = [Image.new("RGB", (40, 40), colour) for colour in (RED, BLUE)]
    return encode(frames[0], image_format, save_all=True, append_images=frames[1:], duration=100, loop=0)


def truncated_jpeg():
    noise = Image.effect_noise((400, 300), 60).convert("RGB")
    picture = encode(noise, "JPEG", quality=90)
    return picture[: len(picture) // 2]


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'

# (file name, content type, bytes, message on the public form, message in the admin)
REFUSED = [
    pytest.param("IMG_0001.jpg", "image/jpeg", truncated_jpeg(), photos.DAMAGED, ADMIN_MESSAGES["damaged"], id="cut"),
    pytest.param("logo.svg", "image/svg+xml", SVG, photos.NOT_AN_IMAGE, ADMIN_MESSAGES["format"], id="svg"),
    pytest.param("moving.png", "image/png", animated("PNG"), photos.ANIMATED, ADMIN_MESSAGES["animated"], id="apng"),
    pytest.param("moving.webp", "image/webp", animated("WEBP"), photos.ANIMATED, ADMIN_MESSAGES["animated"], id="webp"),
    pytest.param("moving.gif", "image/gif", animated("GIF"), photos.NOT_AN_IMAGE, ADMIN_MESSAGES["animated"], id="gif"),
    pytest.param(
        "scan.tiff",
        "image/tiff",
        encode(Image.new("RGB", (60, 40), RED), "TIFF", save_all=True, append_images=[Image.new("RGB", (60, 40))]),
        photos.NOT_AN_IMAGE,
        ADMIN_MESSAGES["format"],
        id="tiff-pages",
    ),
    pytest.param(
        "bomb.png", "image/png", bomb_png(100_000, 100_000), photos.TOO_MANY_PIXELS, ADMIN_MESSAGES["pixels"], id="bomb"
    ),
]


@pytest.mark.parametrize(("name", "content_type", "content", "public_message", "admin_message"), REFUSED)
def test_pictures_that_cannot_be_stored_are_refused_politely(
    send, way_in, name, content_type, content, public_message, admin_message
):
    response = send(content, name, content_type)
    html = response.content.decode()
    assert response.status_code == 200
    if way_in == "public form":
        assert '<div class="error-summary"' in html
        assert f'<a href="#id_photo">{public_message}</a>' in html
        assert f'value="{DESCRIPTION}"' in html and 'value="Noah Enterprise"' in html
        assert not CaseStudySubmission.objects.exists()
    else:
        assert admin_message in html
        assert 'value="HealthFest crowd"' in html
        assert DESCRIPTION in html
        assert not HETImage.objects.exists()


# The admin only ------------------------------------------------------------------------------------------------


def test_a_plain_web_image_officers_upload_is_kept_byte_for_byte(editor_client):
    gif = encode(Image.new("P", (40, 30), 3), "GIF")
    data = {
        "title": "Bunting",
        "is_decorative": "on",
        "collection": str(Collection.get_first_root_node().pk),
        "file": upload(gif, "bunting.gif", "image/gif"),
    }
    assert editor_client.post(reverse("wagtailimages:add"), data).status_code == 302
    image = HETImage.objects.get()
    with image.file.open("rb") as file:
        assert file.read() == gif
    assert image.file.name.endswith("bunting.gif")


@pytest.mark.parametrize(
    ("name", "content", "extension", "pixel", "tolerance"),
    [
        ("IMG_4031.HEIC", heic(), "jpg", RED, 6),
        (
            "leaflet-cover.jpg",
            encode(Image.new("CMYK", (60, 40), PRINT_BLUE), "JPEG", icc_profile=CMYK_PROFILE, quality=95),
            "jpg",
            profile_correct(PRINT_BLUE),
            4,
        ),
        ("IMG_0006.JPG", camera_picture(6), "jpg", RED, 12),
    ],
)
def test_the_multiple_uploader_stores_a_held_upload_as_a_web_image(
    editor_client, name, content, extension, pixel, tolerance
):
    """An upload without a description is held; once described, the converted picture is stored, not the original."""
    collection = str(Collection.get_first_root_node().pk)
    held = editor_client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": upload(content, name), "collection": collection}
    ).json()
    assert held["success"] is True and not HETImage.objects.exists()
    upload_id = held["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}-"
    described = {f"{prefix}title": "Leaflet", f"{prefix}description": DESCRIPTION, f"{prefix}collection": collection}
    url = reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id])
    assert editor_client.post(url, {**described, f"{prefix}tags": ""}).json()["success"] is True

    image = HETImage.objects.get()
    assert image.file.name.endswith(f".{extension}")
    with image.file.open("rb") as file:
        stored = Image.open(io.BytesIO(file.read()))
    assert stored.size == (60, 40) == (image.width, image.height)
    assert "icc_profile" not in stored.info and stored.getexif().get(ORIENTATION, 1) == 1
    close(stored.getpixel((5, 5)), pixel, tolerance)
    assert image.file_size == image.file.size


def test_a_multi_picture_heic_stores_its_primary_picture(editor_client):
    primary = pillow_heif.from_pillow(Image.new("RGB", (60, 40), RED))
    primary.add_from_pillow(Image.new("RGB", (30, 20), BLUE))
    buffer = io.BytesIO()
    primary.save(buffer, quality=90)
    data = {
        "title": "Burst",
        "description": DESCRIPTION,
        "collection": str(Collection.get_first_root_node().pk),
        "file": upload(buffer.getvalue(), "IMG_5000.HEIC", "image/heic"),
    }
    assert editor_client.post(reverse("wagtailimages:add"), data).status_code == 302
    with HETImage.objects.get().file.open("rb") as file:
        stored = Image.open(io.BytesIO(file.read()))
    assert stored.size == (60, 40)
    close(stored.getpixel((5, 5)), RED, 6)
