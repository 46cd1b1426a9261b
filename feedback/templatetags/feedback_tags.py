from django import template

from feedback.forms import FeedbackForm, read_token

register = template.Library()


@register.inclusion_tag("feedback/page_feedback.html", takes_context=True)
def page_feedback(context):
    """'Is this page useful?' at the foot of a page. Which step to show comes from the address (?feedback=...),
    which the feedback view redirects to, so no cookie or session is needed."""
    request = context["request"]
    page = context["page"]
    state = request.GET.get("feedback", "")
    answer = read_token(state) if state and state != "sent" else None
    form = FeedbackForm(initial={"page": page.pk, "token": state if answer else ""})
    return {
        "page": page,
        "form": form,
        "sent": state == "sent",
        "answer": answer,
    }
