from django import forms
from django.forms.models import ModelChoiceIterator

from case_studies import photos
from pages.models import PolicyObjectivePage, SubgroupPage
from public_forms.forms import GovukFormMixin

# A field people never see or reach. Bots that fill in every field give themselves away.
HONEYPOT_FIELD = "website"

SUMMARY_MAX_LENGTH = 300
PHOTO_AGAIN = "You need to choose your photo again. We could not keep it while you fix the problem."


class TelephoneInput(forms.TextInput):
    input_type = "tel"


def text_field(
    label, max_length, required_message, *, textarea=False, required=True, help_text="", name=None, widget=None, **attrs
):
    """A text field whose messages follow the GOV.UK style: say what to do, not what went wrong."""
    name = name or label
    if textarea:
        widget = forms.Textarea(attrs={"rows": 8 if max_length > SUMMARY_MAX_LENGTH else 4, **attrs})
    else:
        widget = (widget or forms.TextInput)(attrs=attrs)
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=widget,
        error_messages={
            "required": required_message,
            "max_length": f"{name} must be {max_length:,} characters or fewer",
            "null_characters_not_allowed": f"{name} must not include hidden control characters. Type it again",
        },
    )


class TitleMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class EmptyChoiceLastIterator(ModelChoiceIterator):
    """Puts 'None of these' after the real answers, as the GOV.UK radios pattern does."""

    def __iter__(self):
        choices = list(super().__iter__())
        if self.field.empty_label is not None:
            choices = choices[1:] + choices[:1]
        yield from choices


class TitleChoiceField(forms.ModelChoiceField):
    iterator = EmptyChoiceLastIterator

    def label_from_instance(self, obj):
        return obj.title


def choices_of(page_model):
    return page_model.objects.published().defer_streamfields().order_by("path")


class CaseStudySubmissionForm(GovukFormMixin, forms.Form):
    """The public form partners use to send in a case study. Lengths match the CaseStudySubmission model."""

    organisation_name = text_field(
        "Organisation name", 200, "Enter the name of your organisation", autocomplete="organization"
    )
    submitter_name = text_field("Your name", 200, "Enter your name", autocomplete="name", spellcheck="false")
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will use this to tell you what happens to your case study.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )
    phone = text_field(
        "Phone number (optional)",
        40,
        "",
        required=False,
        help_text="In case we need to talk to you about your case study.",
        name="Phone number",
        widget=TelephoneInput,
        autocomplete="tel",
    )
    title = text_field(
        "Case study title",
        120,
        "Enter a title for your case study",
        help_text="For example, ‘Free period products in community centres’.",
    )
    summary = text_field(
        "Summary",
        SUMMARY_MAX_LENGTH,
        "Enter a summary of your case study",
        textarea=True,
        help_text="One or two sentences saying what your work is about. We show this in lists of case studies.",
    )
    what_they_did = text_field(
        "What did you do?",
        5000,
        "Enter what your organisation did",
        textarea=True,
        help_text="Who you worked with, what you did and where. Leave a blank line between paragraphs.",
    )
    difference_made = text_field(
        "What difference did it make?",
        3000,
        "Enter what difference your work made",
        textarea=True,
        help_text="For example, how many people it helped and what changed for them.",
    )
    policy_objectives = TitleMultipleChoiceField(
        label="Which Marmot policy objectives does it support?",
        queryset=PolicyObjectivePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
        error_messages={
            "required": "Select at least one Marmot policy objective",
            "invalid_choice": "Select at least one Marmot policy objective from the list",
            "invalid_pk_value": "Select at least one Marmot policy objective from the list",
            "invalid_list": "Select at least one Marmot policy objective from the list",
        },
    )
    subgroup = TitleChoiceField(
        label="Which HET subgroup is the work part of? (optional)",
        queryset=SubgroupPage.objects.none(),
        widget=forms.RadioSelect,
        required=False,
        blank=True,
        empty_label="None of these, or not sure",
        error_messages={"invalid_choice": "Select a HET subgroup from the list, or none"},
    )
    photo = forms.FileField(
        label="Photo (optional)",
        required=False,
        help_text=(
            "A JPEG, PNG, WebP, HEIC or AVIF picture, smaller than 5 MB. "
            "Only send a photo you have permission to publish."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": photos.ACCEPT}),
        error_messages={
            "invalid": photos.NOT_AN_IMAGE,
            "empty": "The photo file is empty. Choose another photo",
            "missing": "Choose the photo again",
            "max_length": "The photo's file name must be 200 characters or fewer",
        },
        max_length=200,
    )
    photo_description = text_field(
        "Describe the photo for people who cannot see it",
        250,
        "Describe the photo for people who cannot see it",
        required=False,
        help_text=(
            "Needed if you send a photo. For example, ‘Volunteers handing out food parcels at the Hockwell Ring hub’."
        ),
    )
    consent = forms.BooleanField(
        label="I confirm we have permission to publish this and agree to the privacy notice",
        error_messages={
            "required": "Confirm you have permission to publish this and agree to the privacy notice",
        },
    )
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"].character_count = SUMMARY_MAX_LENGTH
        self.fields["policy_objectives"].queryset = choices_of(PolicyObjectivePage)
        self.fields["subgroup"].queryset = choices_of(SubgroupPage)
        if not self.fields["policy_objectives"].queryset.exists():
            # Without any objectives published the question cannot be answered; do not block partners.
            self.fields["policy_objectives"].required = False

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    def __iter__(self):
        for name in self.fields:
            if name != HONEYPOT_FIELD:
                yield self[name]

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return photos.clean_photo(upload)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("photo") and not cleaned_data.get("photo_description", "").strip():
            self.add_error("photo_description", "Describe the photo for people who cannot see it")
        return cleaned_data

    def full_clean(self):
        super().full_clean()
        if self.errors and "photo" not in self.errors:
            self._warn_photo_again()

    def refuse(self, message):
        """Turn the form back with `message` in the error summary, keeping every answer (sending is refused)."""
        self.add_error(None, message)
        self._warn_photo_again()

    def _warn_photo_again(self):
        if self.files.get("photo"):
            # Browsers never send a chosen file back with the page, so say plainly it must be chosen again.
            self.fields["photo"].warning = PHOTO_AGAIN
            self._describe(self["photo"])
