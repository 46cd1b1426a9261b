from django.db import models

COMMENT_MAX_LENGTH = 1000


class PageFeedback(models.Model):
    """A visitor's answer to 'Is this page useful?', with an optional comment. Nothing identifies the visitor."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
        help_text="The page the feedback is about. Empty if the page has since been deleted.",
    )
    url = models.CharField(max_length=500, help_text="The page's address when the feedback was given.")
    useful = models.BooleanField(help_text="Whether the visitor found the page useful.")
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"

    def __str__(self):
        answer = "Useful" if self.useful else "Not useful"
        return f"{answer}: {self.url}"

    @property
    def useful_answer(self):
        return "Yes" if self.useful else "No"
