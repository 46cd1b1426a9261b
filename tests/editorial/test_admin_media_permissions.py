"""Editors upload, change and choose images and documents; only Moderators may delete them.

A deleted picture or document disappears from live pages at once, outside moderation.
"""

from functools import partial

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry
from wagtail_factories import DocumentFactory

from core.factories import HETImageFactory
from core.models import HETImage
from tests.support.admin_forms import client_for

pytestmark = pytest.mark.django_db

MEDIA = {
    "image": (HETImageFactory, HETImage, "wagtailimages"),
    "document": (DocumentFactory, get_document_model(), "wagtaildocs"),
}


@pytest.fixture(params=MEDIA)
def media(request):
    factory, model, namespace = MEDIA[request.param]
    root = Collection.get_first_root_node()  # where the groups' permissions are given
    return partial(factory, collection=root), model, namespace


def test_an_editor_can_change_but_not_delete_even_what_they_uploaded(media, editor):
    factory, model, namespace = media
    officer = client_for(editor)
    own, others = factory(uploaded_by_user=editor), factory()
    for item in (own, others):
        edit = officer.get(reverse(f"{namespace}:edit", args=[item.pk]))
        assert edit.status_code == 200 and edit.context["can_delete"] is False  # no "Delete" in the header menu
        refused = officer.post(reverse(f"{namespace}:delete", args=[item.pk]))
        assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
        assert model.objects.filter(pk=item.pk).exists()


def test_an_editor_cannot_delete_through_the_bulk_action(media, editor):
    factory, model, _namespace = media
    item = factory(uploaded_by_user=editor)
    meta = model._meta
    url = reverse("wagtail_bulk_action", args=(meta.app_label, meta.model_name, "delete"))
    client_for(editor).post(f"{url}?id={item.pk}", {})
    assert model.objects.filter(pk=item.pk).exists()


def test_a_moderator_can_delete(media, moderator):
    factory, model, namespace = media
    item = factory()
    officer = client_for(moderator)
    assert officer.get(reverse(f"{namespace}:edit", args=[item.pk])).context["can_delete"] is True
    response = officer.post(reverse(f"{namespace}:delete", args=[item.pk]))
    assert response.status_code == 302
    assert not model.objects.filter(pk=item.pk).exists()


def test_the_policy_answers_every_question_the_admin_asks_about_deleting(media, editor, moderator):
    factory, model, _namespace = media
    item = factory(uploaded_by_user=editor)
    policy = policy_registry.get_by_type(model)
    assert not policy.user_has_permission(editor, "delete") and policy.user_has_permission(moderator, "delete")
    assert policy.user_has_permission(editor, "change")
    assert list(policy.instances_user_has_any_permission_for(editor, ["delete"])) == []
    assert list(policy.instances_user_has_any_permission_for(moderator, ["delete"])) == [item]
    assert list(policy.instances_user_has_any_permission_for(editor, ["change", "delete"])) == [item]
    assert set(policy.users_with_any_permission_for_instance(["delete"], item)) == {moderator}
    assert set(policy.users_with_any_permission(["delete"])) == {moderator}
    assert set(policy.users_with_any_permission_for_instance(["change", "delete"], item)) == {editor, moderator}
    assert not policy.collections_user_has_any_permission_for(editor, ["delete"]).exists()
    assert policy.collections_user_has_any_permission_for(moderator, ["delete"]).filter(pk=item.collection_id).exists()


def test_superusers_may_delete_anything_and_anonymous_visitors_nothing(media, superuser):
    factory, model, _namespace = media
    item = factory()
    policy = policy_registry.get_by_type(model)
    assert policy.user_has_permission_for_instance(superuser, "delete", item)
    assert list(policy.instances_user_has_any_permission_for(superuser, ["delete"])) == [item]
    assert policy.collections_user_has_any_permission_for(superuser, ["delete"]).filter(pk=item.collection_id).exists()
    assert not policy.user_has_permission_for_instance(AnonymousUser(), "delete", item)
    assert list(policy.instances_user_has_any_permission_for(AnonymousUser(), ["delete"])) == []
    assert not policy.collections_user_has_any_permission_for(AnonymousUser(), ["delete"]).exists()
