from core.factories import BasePageFactory, rich_text
from indicators import models


class IndicatorIndexPageFactory(BasePageFactory):
    title = "Measuring health equity"
    slug = "measuring-health-equity"
    intro = rich_text("How Luton compares with England, and whether the gaps are closing.")

    class Meta:
        model = models.IndicatorIndexPage
