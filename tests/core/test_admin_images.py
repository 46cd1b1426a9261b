"""Every image in the media library has a description (alt text) or is explicitly marked decorative.

Images reach the library three ways in the admin: the "Add an image" form, the multiple uploader (the default
"Add images" page) and the upload tab of the image chooser while editing a page. All three must refuse an image
with no description, explain why, and keep what was typed.
"""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import Collection

from core.models import HETImage

pytestmark = pytest.mark.django_db

ERROR = "Describe the image for people who cannot see it, or mark it as decorative."


def png(name="healthfest.png", colour=(20, 120, 200)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def image_form(prefix="", **fields):
    data = {
        "title": "HealthFest crowd",
        "description": "",
        "collection": str(Collection.get_first_root_node().pk),
        "tags": "",
        **fields,
    }
    return {f"{prefix}{key}": value for key, value in data.items()}


def test_add_form_rejects_an_image_without_a_description(editor_client):
    response = editor_client.post(reverse("wagtailimages:add"), {**image_form(), "file": png()})
    assert response.status_code == 200
    html = response.content.decode()
    assert ERROR in html
    assert 'value="HealthFest crowd"' in html, "the title typed is kept"
    assert not HETImage.objects.exists()

    blank = editor_client.post(reverse("wagtailimages:add"), {**image_form(description="   "), "file": png()})
    assert ERROR in blank.content.decode()
    assert not HETImage.objects.exists()


def test_add_form_accepts_a_described_image_and_a_decorative_one(editor_client):
    described = image_form(description="Families dancing at HealthFest in Wardown Park")
    assert editor_client.post(reverse("wagtailimages:add"), {**described, "file": png()}).status_code == 302
    decorative = image_form(title="Pattern", is_decorative="on")
    assert (
        editor_client.post(
            reverse("wagtailimages:add"), {**decorative, "file": png("pattern.png", (9, 9, 9))}
        ).status_code
        == 302
    )

    images = {image.title: image for image in HETImage.objects.all()}
    assert images["HealthFest crowd"].alt_text == "Families dancing at HealthFest in Wardown Park"
    assert images["Pattern"].is_decorative and images["Pattern"].alt_text == ""


def test_multiple_uploader_holds_an_image_until_it_is_described(editor_client):
    upload = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": png(), "title": "HealthFest crowd", "collection": image_form()["collection"]},
    )
    result = upload.json()
    assert result["success"] is True
    assert not HETImage.objects.exists(), "the file is held, not yet an image anyone can use"
    upload_id = result["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}-"
    create_url = reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id])

    refused = editor_client.post(create_url, image_form(prefix=prefix)).json()
    assert refused["success"] is False
    assert ERROR in refused["form"]
    assert not HETImage.objects.exists()

    accepted = editor_client.post(create_url, image_form(prefix=prefix, is_decorative="on")).json()
    assert accepted["success"] is True
    image = HETImage.objects.get()
    assert image.is_decorative and image.alt_text == ""


def test_chooser_upload_while_editing_a_page_refuses_an_undescribed_image(editor_client):
    url = reverse("wagtailimages_chooser:create")
    refused = editor_client.post(
        url, {**image_form(prefix="image-chooser-upload-"), "image-chooser-upload-file": png()}
    )
    assert refused.status_code == 200
    payload = json.loads(refused.content)
    assert payload["step"] == "reshow_creation_form"
    assert ERROR in payload["htmlFragment"]
    assert not HETImage.objects.exists()

    described = image_form(prefix="image-chooser-upload-", description="A family at a Family Hub")
    chosen = json.loads(editor_client.post(url, {**described, "image-chooser-upload-file": png()}).content)
    assert chosen["step"] == "chosen"
    assert chosen["result"]["default_alt_text"] == "A family at a Family Hub"
    assert HETImage.objects.get().description == "A family at a Family Hub"
