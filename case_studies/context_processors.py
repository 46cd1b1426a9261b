from django.utils.functional import SimpleLazyObject

from pages.models import section_indexes


def case_study_index(request):
    """Context processor: `case_study_index`, the site's live CaseStudyIndexPage or None, for the link to its
    submission form (`{% routablepageurl case_study_index "submit" %}`) in the footer of every page.

    Lazy, so pages that never show the footer (the admin, for one) never look for it. Pages that set
    `case_study_index` themselves override it."""
    return {"case_study_index": SimpleLazyObject(lambda: section_indexes(request)["case_study_index"])}
