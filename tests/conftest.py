import pytest
from django.core.cache import cache

from pages.factories import HomePageFactory
from tests.support.admin_forms import client_for
from tests.support.case_studies import prepare_case_study_form
from tests.support.people import make_officer, make_superuser
from tests.support.site import build_site, ensure_tree_root, load_het_site


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
    """Each test starts with an empty cache: the page cache would otherwise carry pages from one test to the next,
    and the public forms' rate limits are counted in it."""
    cache.clear()


@pytest.fixture
def home(db):
    """The home page alone, as the default site's root."""
    ensure_tree_root()
    return HomePageFactory.as_site_root()


@pytest.fixture
def site_tree(home):
    """The home page with every section's index page under it (tests/support/site.py)."""
    return build_site(home=home)


@pytest.fixture
def case_study_site(site_tree):
    """A site ready for the case study form: tests/support/case_studies.py says what it holds."""
    return prepare_case_study_form(site_tree)


@pytest.fixture
def het_site(db):
    """The real Health Equity Town content, loaded as `make run` loads it."""
    load_het_site()


@pytest.fixture
def editor(db):
    """A Public Health officer in the Editors group (set up by the migrations)."""
    return make_officer("edith", "Editors")


@pytest.fixture
def moderator(db):
    """A Public Health officer in the Moderators group."""
    return make_officer("morris", "Moderators")


@pytest.fixture
def editor_client(editor):
    """A test client logged in as the editor."""
    return client_for(editor)


@pytest.fixture
def superuser(db):
    """An officer called "officer" who may do everything; the password is tests.support.people.PASSWORD."""
    return make_superuser()


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
