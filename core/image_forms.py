"""The admin's image form: every image officers upload is stored as a web image (core.image_files).

Wagtail builds all its image forms (the "Add an image" and edit pages, the multiple uploader, the chooser's upload
tab) on the class named by WAGTAILIMAGES_IMAGE_FORM_BASE, so one form covers every way in.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from core.image_files import PHOTO_FORMATS, ImageRefused, to_web_image

ADMIN_FORMATS = PHOTO_FORMATS | {"GIF"}
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif"}
MESSAGES = {
    "format": "This file is not a picture the site can use. Upload a JPEG, PNG, WebP, GIF, HEIC or AVIF image.",
    "damaged": (
        "The image file is damaged or incomplete. Save it again from the program that made it, or choose another file."
    ),
    "pixels": "The image has too many pixels. Make it smaller (for example 6000 by 6000 pixels) and upload it again.",
    "animated": (
        "Upload a still image. Animated images cannot be used on the site, because visitors cannot pause them."
    ),
}


def _web_image(data):
    """to_web_image with the admin's rules: a plain web image is kept byte for byte, at its own size."""
    # The same limit, and default, as Wagtail's own check of uploaded images.
    max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)
    return to_web_image(data, formats=ADMIN_FORMATS, max_pixels=max_pixels, keep_web_ready=True)


class WebImageField(WagtailImageField):
    """Wagtail's image file field, converting each new file into a web image or refusing it with a reason.

    The picture is checked before Wagtail's own checks, which raise a server error on a truncated file and call
    an animated PNG "not an image".
    """

    def to_python(self, data):
        if data in self.empty_values:
            return None
        self.check_image_file_size(data)
        data.seek(0)
        content = data.read()
        data.seek(0)
        try:
            web_image = _web_image(content)
        except ImageRefused as refusal:
            raise ValidationError(MESSAGES[refusal.code], code=refusal.code) from None
        # The file name's extension must still be one of WAGTAILIMAGES_EXTENSIONS and match the picture.
        upload = super().to_python(data)
        if not web_image.converted:
            return upload
        name = f"{Path(upload.name).stem}.{web_image.extension}"
        return SimpleUploadedFile(name, web_image.content, content_type=CONTENT_TYPES[web_image.extension])


class HETImageForm(BaseImageForm):
    """Wagtail's image form, storing every new file as a web image (see WebImageField)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Wagtail makes its own field for the file; the same, with its widget, but converting what is uploaded.
            field = self.fields["file"]
            self.fields["file"] = WebImageField(label=field.label, required=field.required, widget=field.widget)

    def save(self, commit=True):
        if "file" not in self.fields and self.instance._state.adding and self.instance.file:
            self._convert_held_upload()
        return super().save(commit=commit)

    def _convert_held_upload(self):
        """Convert the file of an image made from an upload held by the multiple uploader.

        The uploader holds a file that passed WebImageField but belongs to an image whose other fields (its
        description) were not yet valid. Wagtail then stores the held file itself, not the converted one, so it is
        converted here, once the image is complete.
        """
        image = self.instance
        with image.file.open("rb") as file:
            data = file.read()
        try:
            web_image = _web_image(data)
        except ImageRefused:
            # Checked when it was uploaded; a file refused now has changed in storage, and is left as it is.
            return
        if not web_image.converted:
            return
        held_name = image.file.name
        storage = image.file.storage
        image.file.save(f"{Path(held_name).stem}.{web_image.extension}", ContentFile(web_image.content), save=False)
        storage.delete(held_name)
        # Django reads the size of a file assigned this way from the (already consumed) content; set it here.
        image.width, image.height = web_image.width, web_image.height
        image._set_image_file_metadata()
