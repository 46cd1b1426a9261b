import logging
import secrets

from django.conf import settings
from django.core import signing
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from case_studies.forms import CaseStudySubmissionForm
from core.query import is_public
from public_forms.ratelimit import RateLimit
from site_settings.models import SiteSettings

logger = logging.getLogger(__name__)

CONFIRMATION_SALT = "case-studies.submitted"
# The confirmation page can be reloaded for a day; after that the reference is in the partner's email.
CONFIRMATION_MAX_AGE = 24 * 60 * 60


def page_context(request, index):
    # Not the index's own get_context(): that lists its case studies, and `page` would give the form the index's
    # title, canonical address and feedback question.
    site_settings = SiteSettings.for_request(request)
    privacy_page = site_settings.privacy_page
    return {
        "site_settings": site_settings,
        "privacy_page": privacy_page if is_public(privacy_page) else None,
        "case_study_index": index,
    }


RETRY_AFTER_TEXT = {1: "a few seconds", 60: "a minute", 3600: "an hour", 86400: "a day"}


def submission_limits(form):
    """[(limit, whose sends it counts, what that is in words)]: sends per partner email address, and per client
    address (set higher, because a council office or a charity may share one). Only sending counts; reading the
    form never does. `form` is the valid form being sent."""
    return [
        (
            RateLimit("case-study-submission-email", settings.CASE_STUDY_RATE_LIMIT),
            form.cleaned_data["email"].strip().lower(),
            "your email address",
        ),
        # No identity: RateLimit counts by the client's address.
        (
            RateLimit("case-study-submission-client", settings.CASE_STUDY_CLIENT_RATE_LIMIT),
            None,
            "your internet connection",
        ),
    ]


def refuse_for_now(request, form, context, limit, counted):
    """The form again with everything the partner typed and an error summary saying when they can send it."""
    contact = context["site_settings"].contact_email
    form.refuse(
        f"You cannot send another case study just now, because several have been sent from {counted} recently. "
        f"Your answers are still below: please send them again in {RETRY_AFTER_TEXT[limit.period]}"
        + (f", or email {contact} if it cannot wait." if contact else ".")
    )
    response = render(request, "case_studies/submission_form.html", {**context, "form": form}, status=429)
    response["Retry-After"] = str(limit.period)
    return response


def confirmation_redirect(request, index, reference):
    token = signing.dumps(reference, salt=CONFIRMATION_SALT)
    return redirect(f"{index.route_url(request, 'submitted')}?ref={token}")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request, index):
    """The public form partners use to send in a case study, served at the case studies index's `submit/` route.

    `index` is that CaseStudyIndexPage; the draft page made from a submission goes under it."""
    context = page_context(request, index)
    if request.method == "POST":
        form = CaseStudySubmissionForm(request.POST, request.FILES)
        if form.is_spam:
            logger.info("Case study form sent with the hidden field filled in; nothing was stored")
            # A reference that looks real, so whatever filled the hidden field learns nothing.
            fake = f"HET-{timezone.now().year}-{secrets.randbelow(900_000) + 100_000:06d}"
            return confirmation_redirect(request, index, fake)
        if form.is_valid():
            limits = submission_limits(form)
            for limit, identity, counted in limits:
                if limit.is_exceeded(request, identity):
                    return refuse_for_now(request, form, context, limit, counted)
            for limit, identity, _counted in limits:
                limit.hit(request, identity)
            submission = index.receive_submission(form.cleaned_data, context["site_settings"].public_health_team_email)
            return confirmation_redirect(request, index, submission.reference)
    else:
        form = CaseStudySubmissionForm()
    return render(request, "case_studies/submission_form.html", {**context, "form": form})


@never_cache
@require_safe
def submitted(request, index):
    """The GOV.UK confirmation page, showing the submission's reference (signed in the `ref` parameter).

    Without a genuine reference, or once it is a day old, it sends the visitor to the form instead."""
    try:
        reference = signing.loads(request.GET.get("ref", ""), salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:
        return redirect(index.route_url(request, "submit"))
    return render(
        request, "case_studies/submission_confirmation.html", {**page_context(request, index), "reference": reference}
    )
