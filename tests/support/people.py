"""Officers for the tests: accounts in the Editors or Moderators group (set up by the migrations) and superusers."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct horse battery staple 42"


def make_officer(username, group, **fields):
    """A Public Health officer called `username` in the group named `group`, with PASSWORD and a luton.gov.uk
    address; `fields` override the user's other fields (first_name defaults to the username)."""
    fields = {"email": f"{username}@luton.gov.uk", "first_name": username, **fields}
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **fields)
    user.groups.add(Group.objects.get(name=group))
    return user


def make_superuser(username="officer"):
    """An officer who may do everything, with PASSWORD."""
    return get_user_model().objects.create_superuser(username, f"{username}@luton.gov.uk", PASSWORD)
