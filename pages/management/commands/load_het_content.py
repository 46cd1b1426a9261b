"""Build the Health Equity Town site from pages/het_content.py.

Safe to run again: pages are found by slug under their parent, and a page, setting or menu that already
exists is left alone, because officers may have edited it since.

Every page made is owned by the Public Health team's account (pages/ownership.py) and has a review date, spread
over the coming year by the page's place in the load order. A page loaded before owners and review dates were set
is given the missing ones, as a new published revision, only when that cannot disturb an officer's work: the page
is live, has no unpublished changes, is not locked, in moderation or scheduled. Other pages are listed in the
output for an officer to set by hand.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from editorial.ownership import spread_review_date, team_account
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from pages import het_content as content
from pages.het_content import EXPECTED_COUNTS
from pages.models import (
    HomePage,
    PolicyObjectiveIndexPage,
    PolicyObjectivePage,
    PriorityIndexPage,
    PriorityPage,
    StandardPage,
    SubgroupIndexPage,
    SubgroupPage,
)
from site_settings.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings
from site_settings.site_address import parse_site_url

__all__ = ["EXPECTED_COUNTS", "Command"]

WELCOME_TITLE = "Welcome to your new Wagtail site!"

# Where the pages named in a related-topics list live, below the home page.
TOPIC_SECTIONS = {"policy_objectives": "policy-objectives", "priorities": "priorities", "subgroups": "driving-change"}


class Command(BaseCommand):
    help = "Load the Health Equity Town pages, site settings and menus. Existing pages and settings are not changed."

    def handle(self, *args, **options):
        self.created = []
        self.changed = []
        self.given_review = []
        self.not_given_review = []
        # Every page found or created, by its path below the home page, for links and related topics.
        self.pages = {}
        plan = self.plan()
        # The home page comes first, then the plan's pages: positions for spreading review dates.
        self.page_count = 1 + len(plan)
        with transaction.atomic():
            self.owner = team_account()
            self.review_start = timezone.localdate()
            home = self.home_page()
            site = self.site_for(home)
            for parent_path, model, spec, path in plan:
                self.child(self.pages[parent_path], model, spec, path=path)
            self.fill_site_settings(site)
            self.fill_navigation(site)

        for page in self.not_given_review:
            self.stdout.write(
                self.style.WARNING(
                    f"'{page.title}' has no owner or review date and was left alone because an officer is working "
                    "on it: set them in its Settings tab."
                )
            )
        if not (self.created or self.changed or self.given_review):
            self.stdout.write("HET content already loaded, nothing changed")
            return
        count = len(self.created)
        message = f"Created {count} page{'' if count == 1 else 's'}"
        if self.given_review:
            given = len(self.given_review)
            message += f"; gave {given} existing page{'' if given == 1 else 's'} an owner and review date"
        if self.changed:
            message += "; set up " + ", ".join(self.changed)
        self.stdout.write(self.style.SUCCESS(message))

    def home_page(self):
        home = HomePage.objects.first()
        if home:
            self.give_owner_and_review_date(home)
            self.pages[""] = home
            return home
        root = Page.get_first_root_node()
        # Wagtail's welcome page also has the slug "home". Free it up; the page is deleted once no site uses it.
        for welcome in self.welcome_pages(root):
            Page.objects.filter(pk=welcome.pk).update(slug=f"wagtail-welcome-{welcome.pk}")
        home = self.create(root, HomePage, content.HOME)
        self.pages[""] = home
        return home

    def welcome_pages(self, root):
        return root.get_children().exact_type(Page).filter(title=WELCOME_TITLE)

    def site_for(self, home):
        site = Site.objects.filter(root_page=home).first()
        if site:
            return site
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            hostname, port = parse_site_url(settings.SITE_URL)
            site = Site(hostname=hostname, port=port, is_default_site=True)
        site.root_page = home
        site.site_name = site.site_name or content.SITE_NAME
        site.save()
        # Deleting a page deletes any site rooted at it, so this waits until the site has moved.
        for welcome in self.welcome_pages(Page.get_first_root_node()):
            if not Site.objects.filter(root_page=welcome).exists():
                welcome.delete()
        self.changed.append("the site")
        return site

    def plan(self):
        """Every page below the home page, as (parent path, model, spec, path), in the order they are built.

        Built in this order so that every page a button links to exists before the page with the button.
        """
        top = [
            (StandardPage, spec) for spec in [content.CONTACT, content.ACCESSIBILITY_STATEMENT, content.PRIVACY_NOTICE]
        ]
        sections = [
            (SubgroupIndexPage, content.SUBGROUP_INDEX, SubgroupPage, content.SUBGROUPS),
            (PolicyObjectiveIndexPage, content.POLICY_OBJECTIVE_INDEX, PolicyObjectivePage, content.POLICY_OBJECTIVES),
            (PriorityIndexPage, content.PRIORITY_INDEX, PriorityPage, content.PRIORITIES),
            (EventIndexPage, content.EVENT_INDEX, EventPage, content.EVENTS),
            (CaseStudyIndexPage, content.CASE_STUDY_INDEX, CaseStudyPage, content.CASE_STUDIES),
            # News has no dates, so it is listed by first publication: publish the oldest item first.
            (NewsIndexPage, content.NEWS_INDEX, NewsPage, list(reversed(content.NEWS))),
        ]
        steps = [("", model, spec, spec["slug"]) for model, spec in top]
        for index_model, index_spec, child_model, child_specs in sections:
            index_path = index_spec["slug"]
            steps.append(("", index_model, index_spec, index_path))
            steps += [(index_path, child_model, spec, f"{index_path}/{spec['slug']}") for spec in child_specs]
        steps += [("", StandardPage, spec, spec["slug"]) for spec in [content.HET_ACTIVITIES, content.TOOLKIT]]
        return steps

    def child(self, parent, model, spec, path):
        """Find the page with the spec's slug under the parent, or create and publish it."""
        page = parent.get_children().filter(slug=spec["slug"]).first()
        if page is None and model.max_count == 1:
            # An index page an officer has given another slug.
            page = model.objects.child_of(parent).first()
        if page is None:
            page = self.create(parent, model, spec)
        else:
            page = page.specific
            if not isinstance(page, model):
                raise CommandError(f"{page.url_path} is a {type(page).__name__}, not a {model.__name__}.")
            self.give_owner_and_review_date(page)
        self.pages[path] = page
        return page

    def review_date(self):
        # The page about to be added to self.pages is at this position in the load order.
        return spread_review_date(len(self.pages), self.page_count, start=self.review_start)

    def create(self, parent, model, spec):
        fields = {name: self.resolve(name, value) for name, value in spec.items()}
        page = model(live=False, owner=self.owner, next_review_date=self.review_date(), **fields)
        self.validate(page)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(page)
        return page

    def give_owner_and_review_date(self, page):
        """Give a page loaded earlier the owner and review date it lacks, if no officer's work is in the way."""
        if page.owner_id and page.next_review_date:
            return
        in_use = (
            not page.live
            or page.has_unpublished_changes
            or page.locked
            or page.workflow_in_progress
            or page.scheduled_revision is not None
        )
        if in_use:
            self.not_given_review.append(page)
            return
        page.owner_id = page.owner_id or self.owner.pk
        page.next_review_date = page.next_review_date or self.review_date()
        page.save_revision(log_action=True).publish()
        self.given_review.append(page)

    def resolve(self, name, value):
        """Turn the page paths in related topics and call to action buttons into pages."""
        if name in TOPIC_SECTIONS:
            return [self.page_at(f"{TOPIC_SECTIONS[name]}/{slug}") for slug in value]
        if isinstance(value, list):
            return [self.resolve_block(block) for block in value]
        return value

    def resolve_block(self, block):
        if block["type"] != "call_to_action":
            return block
        return {**block, "value": {**block["value"], "page": self.page_at(block["value"]["page"]).pk}}

    def page_at(self, path):
        try:
            return self.pages[path]
        except KeyError:
            raise CommandError(
                f"het_content links to '{path}', which is not built before the page linking to it."
            ) from None

    def validate(self, page):
        """Apply the limits the editor enforces, so every page loaded can be saved again by an officer."""
        if len(page.summary) > 300:
            raise CommandError(f"The summary of '{page.title}' is longer than 300 characters.")
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                try:
                    field.stream_block.clean(getattr(page, field.name))
                except ValidationError as error:
                    raise CommandError(f"'{page.title}' {field.name}: {error}") from error

    def fill_site_settings(self, site):
        settings = SiteSettings.for_site(site)
        wanted = {
            "contact_address": content.CONTACT_ADDRESS,
            "contact_page": self.pages["contact"],
            "accessibility_page": self.pages["accessibility-statement"],
            "privacy_page": self.pages["privacy-notice"],
        }
        empty = [name for name in wanted if not settings.serializable_value(name)]
        for name in empty:
            setattr(settings, name, wanted[name])
        if empty:
            settings.save()
            self.changed.append("the site settings")

    def fill_navigation(self, site):
        navigation = NavigationSettings.for_site(site)
        for model, links in [(MainMenuItem, content.MAIN_MENU), (FooterLink, content.FOOTER_LINKS)]:
            if model.objects.filter(setting=navigation).exists():
                continue
            for order, (label, path) in enumerate(links):
                model.objects.create(setting=navigation, page=self.pages[path], label=label, sort_order=order)
            self.changed.append(f"the {model._meta.verbose_name_plural}")
