"""The fixed vocabularies of the indicators: polarity, area types and the published comparison with England."""

from django.db import models


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher", "Higher is better"
    LOWER_IS_BETTER = "lower", "Lower is better"
    NO_JUDGEMENT = "none", "No judgement (neither higher nor lower is better)"


class AreaType(models.TextChoices):
    ENGLAND = "england", "England"
    REGION = "region", "Region"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    WARD = "ward", "Ward"


# The first three characters of a GSS code name the kind of area.
GSS_PREFIX_TYPES = {
    "E92": AreaType.ENGLAND,
    "E12": AreaType.REGION,
    "E06": AreaType.LOCAL_AUTHORITY,
    "E07": AreaType.LOCAL_AUTHORITY,
    "E08": AreaType.LOCAL_AUTHORITY,
    "E09": AreaType.LOCAL_AUTHORITY,
    "E10": AreaType.LOCAL_AUTHORITY,
    "E05": AreaType.WARD,
}


class Comparison(models.TextChoices):
    """The published comparison with England, in the words the site shows (never colour alone)."""

    BETTER = "better", "Better than England"
    SIMILAR = "similar", "Similar to England"
    WORSE = "worse", "Worse than England"
    HIGHER = "higher", "Higher than England"
    LOWER = "lower", "Lower than England"
    NOT_COMPARED = "not_compared", "Not compared"


def comparison_from_published(text):
    """Fingertips' "Compared to England" text ('Better', 'Worse 99.8', 'Not compared'...) as a Comparison or None."""
    words = text.strip().lower()
    if not words:
        return None
    for choice in Comparison:
        if words.startswith(choice.value.replace("_", " ")):
            return choice
    return Comparison.NOT_COMPARED
