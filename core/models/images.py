from django.core.exceptions import ValidationError
from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from core.visibility import VisibleToVisitors


class HETImage(VisibleToVisitors, AbstractImage):
    """An image in the media library. Every image carries a description for people who cannot see it."""

    # A new upload (an officer's, or a partner's photo with a case study) is on no page until a page using it is
    # published; editing or deleting an image changes every page that shows it.
    visible_when_created = False

    description = models.CharField(
        "description (alt text)",
        max_length=255,
        blank=True,
        help_text=(
            "Describe what the image shows for people who cannot see it, in one or two sentences. "
            "Required unless you tick 'Decorative image'."
        ),
    )
    is_decorative = models.BooleanField(
        "decorative image",
        default=False,
        help_text="Tick only if the image adds no information (for example a pattern or background photo).",
    )

    admin_form_fields = (*Image.admin_form_fields, "is_decorative")

    def clean(self):
        super().clean()
        if not self.is_decorative and not self.description.strip():
            raise ValidationError(
                {"description": "Describe the image for people who cannot see it, or mark it as decorative."}
            )

    @property
    def alt_text(self):
        return "" if self.is_decorative else self.description

    @property
    def default_alt_text(self):
        return self.alt_text


class HETRendition(AbstractRendition):
    image = models.ForeignKey(HETImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
