"""`make run` on a database made by an earlier layout of the migrations says what to do instead of failing obscurely."""

import pytest
from django.core.management import CommandError, call_command
from django.db.migrations.recorder import MigrationRecorder


def test_a_database_of_this_version_passes(db):
    call_command("check_migration_history")


def test_a_database_with_replaced_migrations_is_named_with_the_fix(db):
    MigrationRecorder.Migration.objects.create(app="pages", name="0005_call_to_action_linked_page")

    with pytest.raises(CommandError) as raised:
        call_command("check_migration_history")

    message = str(raised.value)
    assert "pages.0005_call_to_action_linked_page" in message
    assert "earlier version of the site" in message


def test_an_applied_migration_whose_dependency_is_not_applied_is_reported(db):
    MigrationRecorder.Migration.objects.filter(app="core").delete()

    with pytest.raises(CommandError) as raised:
        call_command("check_migration_history")

    assert "core.0001_initial" in str(raised.value)


def test_other_apps_old_migrations_are_not_the_sites_business(db):
    MigrationRecorder.Migration.objects.create(app="someone_elses_app", name="0009_gone")

    call_command("check_migration_history")
