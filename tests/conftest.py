import pytest
from django.core.cache import cache

from case_studies.factories import CaseStudyIndexPageFactory
from events.factories import EventIndexPageFactory
from news.factories import NewsIndexPageFactory
from pages.factories import (
    HomePageFactory,
    PolicyObjectiveIndexPageFactory,
    PriorityIndexPageFactory,
    SubgroupIndexPageFactory,
)


@pytest.fixture(scope="session", autouse=True)
def email_through_the_queue(django_test_environment):
    """Send email through the site's queue, as production does: Django's test set-up swaps EMAIL_BACKEND for its
    in-memory one, and the queue's delivery backend (EMAIL_DELIVERY_BACKEND) is that in-memory one instead.

    A test sees mail.outbox filled only once its transaction commits: tests on the `db` fixture, which never
    commits, run the on-commit callbacks with django_capture_on_commit_callbacks(execute=True).
    """
    from django.conf import settings

    settings.EMAIL_BACKEND = "mail.backends.TaskEmailBackend"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the page cache would otherwise carry pages from one test to the next."""
    cache.clear()


@pytest.fixture
def home(db):
    return HomePageFactory.as_site_root()


@pytest.fixture
def site_tree(home):
    """The home page with every section's index page under it."""
    return {
        "home": home,
        "objectives": PolicyObjectiveIndexPageFactory(parent=home, slug="policy-objectives"),
        "priorities": PriorityIndexPageFactory(parent=home, slug="priorities"),
        "subgroups": SubgroupIndexPageFactory(parent=home, slug="driving-change"),
        "news": NewsIndexPageFactory(parent=home, slug="news"),
        "events": EventIndexPageFactory(parent=home, slug="events"),
        "case_studies": CaseStudyIndexPageFactory(parent=home, slug="case-studies"),
    }


def _officer(django_user_model, username, group_name):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@luton.gov.uk", password="a long test password", first_name=username
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db, django_user_model):
    """A Public Health officer in the Editors group (set up by the pages migration)."""
    return _officer(django_user_model, "edith", "Editors")


@pytest.fixture
def moderator(db, django_user_model):
    """A Public Health officer in the Moderators group."""
    return _officer(django_user_model, "morris", "Moderators")


@pytest.fixture(scope="session", autouse=True)
def serialized_database_for_every_context(django_db_setup, django_db_blocker):
    """Let serialized_rollback restore the migrated database (Wagtail's root page, the moderation workflow)
    in every test, including those that run after Playwright has started.

    Django keeps its connections in an asgiref Local, which switches to per-context storage once an event
    loop is running in the thread, as Playwright's sync API does. Connections made there lack the serialized
    copy Django took at set-up, so transactional tests would start from an empty database.
    """
    from django.db import connections

    contents = getattr(connections["default"], "_test_serialized_contents", None)
    if contents is not None:
        type(connections["default"])._test_serialized_contents = contents
