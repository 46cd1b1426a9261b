import unicodedata

from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Cast
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# The `type` filter: GET value -> (label, the page model it limits results to; None for every other page).
SEARCH_TYPES = {
    "news": ("News", "news.NewsPage"),
    "event": ("Events", "events.EventPage"),
    "case-study": ("Case studies", "case_studies.CaseStudyPage"),
    "page": ("Other pages", None),
}
# Punctuation kept inside words, as in "children's" or "long-term"; anything else that is not a letter, number
# or accent separates words.
WORD_JOINERS = {"'", "’", "-"}


def clean_query(raw):
    """The words of a query, safe for any search backend: no control characters, symbols or emoji.
    Returns (query, shortened) where `shortened` says the query was cut to MAX_QUERY_LENGTH characters."""
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(char if unicodedata.category(char)[0] in "LNM" or char in WORD_JOINERS else " " for char in text)
    words = [word.strip("".join(WORD_JOINERS)) for word in text.split()]
    query = " ".join(word for word in words if word)
    if len(query) <= MAX_QUERY_LENGTH:
        return query, False
    return query[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0], True


def pages_of_type(search_type):
    # specific(defer=True) makes each result its own page type without a query per type; the few fields the
    # results list shows are then read for all of them at once by load_result_fields().
    pages = Page.objects.live().public().exclude(depth=1)
    if search_type is None:
        return pages.specific(defer=True)
    model_name = SEARCH_TYPES[search_type][1]
    if model_name:
        return apps.get_model(model_name).objects.live().public()
    others = [apps.get_model(name) for _label, name in SEARCH_TYPES.values() if name]
    return pages.not_type(*others).specific(defer=True)


# The specific fields the results list shows (summary; an event's dates; a news item's date), with their types.
RESULT_FIELDS = {
    "summary": models.TextField(),
    "start": models.DateTimeField(),
    "end": models.DateTimeField(),
    "dates_only": models.BooleanField(),
    "date": models.DateField(),
}


def load_result_fields(pages):
    """Fill in RESULT_FIELDS on results of mixed page types in one UNION query, instead of one query per type."""
    pages = [page for page in pages if set(RESULT_FIELDS) & page.get_deferred_fields()]
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page.pk)
    if not by_model:
        return
    parts = []
    for model, ids in by_model.items():
        own = {field.name for field in model._meta.concrete_fields}
        columns = {
            f"result_{name}": F(name) if name in own else Cast(Value(None), output_field=field)
            for name, field in RESULT_FIELDS.items()
        }
        parts.append(
            model.objects.filter(pk__in=ids)
            .order_by()
            .annotate(result_id=F("pk"), **columns)
            .values("result_id", *columns)
        )
    rows = {row["result_id"]: row for row in parts[0].union(*parts[1:], all=True)}
    for page in pages:
        for name in RESULT_FIELDS.keys() & page.get_deferred_fields():
            setattr(page, name, rows[page.pk][f"result_{name}"])


def promotions_for(query):
    """Pages and links editors have promoted for this query (in the admin, under Search > Promoted search results)."""
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    return [promotion for promotion in promotions if promotion.page is None or promotion.page.live]


@require_safe
def search(request):
    """Site search over live public pages, using the configured Wagtail search backend."""
    raw_query = request.GET.get("q", "")
    query, shortened = clean_query(raw_query)
    search_type = request.GET.get("type", "")
    if search_type not in SEARCH_TYPES:
        search_type = None
    results = None
    promotions = []
    if query:
        page_number = request.GET.get("page")
        pages = pages_of_type(search_type)
        if search_type is None and page_number in (None, "", "1"):
            promotions = promotions_for(query)
        promoted_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
        if promoted_ids:
            pages = pages.exclude(pk__in=promoted_ids)
        results = Paginator(pages.search(query), RESULTS_PER_PAGE).get_page(page_number)
        results.object_list = list(results.object_list)
        load_result_fields(results.object_list)
    context = {
        "search_query": query,
        "typed_something": bool(raw_query.strip()),
        "shortened": shortened,
        "search_type": search_type,
        "search_types": [(value, label) for value, (label, _model) in SEARCH_TYPES.items()],
        "results": results,
        "promotions": promotions,
    }
    return TemplateResponse(request, "search/search.html", context)
