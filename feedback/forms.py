from django import forms
from django.core import signing

from core.text import CleanTextFormMixin
from feedback.models import COMMENT_MAX_LENGTH

SIGNING_SALT = "feedback.comment"
# How long after answering yes or no a visitor can still add a comment to that answer.
TOKEN_MAX_AGE = 60 * 60


def make_token(feedback):
    """A signed reference to a stored answer, put in the page address so the visitor can add a comment to it.
    Signed, so nobody can add comments to other people's answers; in the address, so no cookie is needed."""
    return signing.dumps([feedback.pk, int(feedback.useful)], salt=SIGNING_SALT)


def read_token(token):
    """(feedback id, useful) from a token, or None if it is not genuine or too old."""
    try:
        pk, useful = signing.loads(token, salt=SIGNING_SALT, max_age=TOKEN_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return int(pk), bool(useful)


class FeedbackForm(CleanTextFormMixin, forms.Form):
    """Both steps of 'Is this page useful?': first yes or no, then (with a token) an optional comment."""

    page = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    useful = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        required=False,
        error_messages={"invalid_choice": "Choose yes or no."},
    )
    token = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    comment = forms.CharField(
        label="How could we improve this page? (optional)",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": (
                f"Your comment must be {COMMENT_MAX_LENGTH} characters or fewer. "
                "It is %(show_value)d characters long; please shorten it."
            )
        },
    )
    # A honeypot: hidden from people, but spam robots fill in every field they find.
    website = forms.CharField(required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        # Unique ids: this form shares the page with others, such as listing filters.
        kwargs.setdefault("auto_id", "feedback-%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        token = cleaned.get("token")
        if token:
            cleaned["answer"] = read_token(token)
            if cleaned["answer"] is None:
                raise forms.ValidationError(
                    "This comment form has expired. Copy your comment, then answer 'Is this page useful?' again."
                )
        elif not cleaned.get("useful") and "useful" not in self.errors:
            self.add_error("useful", "Choose yes or no.")
        return cleaned

    @property
    def is_spam(self):
        return bool(self.data.get("website"))
