import re
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from feedback.forms import FeedbackForm, make_token
from feedback.models import PageFeedback
from public_forms.ratelimit import RateLimit

PAGE_ID = re.compile(r"[0-9]{1,18}")


def feedback_rate_limit():
    return RateLimit("feedback", limit=settings.FEEDBACK_RATE_LIMIT, period=settings.FEEDBACK_RATE_PERIOD)


def from_this_site(request):
    """Whether the browser says the form was sent from a page on this site."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    origin = f"{parts.scheme}://{parts.netloc}"
    return parts.netloc == request.get_host() or origin in settings.CSRF_TRUSTED_ORIGINS


def page_address(page, request, state=None):
    url = page.get_url(request) or "/"
    if state:
        url += "?" + urlencode({"feedback": state})
    return url + "#feedback"


def problem(request, form, page, status, message=None):
    """A page explaining what went wrong, with the visitor's comment kept so nothing typed is lost."""
    form.is_valid()
    errors = [(None, message)] if message else []
    errors += [(None, error) for error in [*form.non_field_errors(), *form.errors.get("useful", [])]]
    errors += [("feedback-comment", error) for error in form.errors.get("comment", [])]
    context = {"form": form, "feedback_for": page, "error_items": errors, "status": status}
    return TemplateResponse(request, "feedback/feedback_problem.html", context, status=status)


# The form is on every public page, and Django's CSRF protection needs a cookie, but anonymous visitors get no
# cookies at all. Forged feedback cannot act on anyone's behalf or reveal anything, so instead of a CSRF token
# this view checks the browser's Origin/Referer is this site, keeps a honeypot, limits lengths (in the form) and
# rate-limits each client.
@csrf_exempt
@require_POST
def submit_feedback(request):
    form = FeedbackForm(request.POST)
    page_id = form.data.get("page", "")
    page = Page.objects.live().public().filter(pk=int(page_id)).first() if PAGE_ID.fullmatch(page_id) else None
    if page is None:
        return problem(request, form, None, 400, "We could not tell which page your feedback was about.")
    if not from_this_site(request):
        return problem(
            request, form, page, 403, "Your browser did not say which page this came from, so we could not accept it."
        )
    if form.is_spam:
        return redirect(page_address(page, request, "sent"))
    limit = feedback_rate_limit()
    if limit.is_exceeded(request):
        return problem(
            request,
            form,
            page,
            429,
            "You have sent feedback many times in a short while, so we have paused it. Please try again in a few "
            "minutes.",
        )
    limit.hit(request)
    if not form.is_valid():
        return problem(request, form, page, 400)

    answer = form.cleaned_data.get("answer")
    if answer:
        feedback_id, _useful = answer
        comment = form.cleaned_data["comment"].strip()
        if comment:
            # Only a comment on an answer without one, so a token cannot be used to overwrite a comment.
            PageFeedback.objects.filter(pk=feedback_id, page=page, comment="").update(comment=comment)
        return redirect(page_address(page, request, "sent"))

    feedback = PageFeedback.objects.create(
        page=page,
        url=page.get_url(request) or "",
        useful=form.cleaned_data["useful"] == "yes",
        comment=form.cleaned_data["comment"].strip(),
    )
    return redirect(page_address(page, request, "sent" if feedback.comment else make_token(feedback)))
