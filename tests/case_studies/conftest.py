import pytest


@pytest.fixture
def site(case_study_site):
    """The site every case study form test starts from (tests/support/case_studies.py says what it holds)."""
    return case_study_site
