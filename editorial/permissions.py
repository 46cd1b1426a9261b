"""Deleting an image or document needs the delete permission, not just the change permission.

Wagtail's policy for images and documents lets anyone who may change one delete it too. A deleted picture vanishes
from live pages at once, outside moderation, so on this site only Moderators (whose group has "delete" on the
collections) may delete them; Editors upload, edit and choose.
"""

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy


def without_delete(actions):
    return set(actions) - {"delete"}


def either(first, second):
    """The rows in either queryset, as one queryset of the same model."""
    return first.model._default_manager.filter(Q(pk__in=first.values("pk")) | Q(pk__in=second.values("pk")))


class DeleteNeedsDeletePermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "delete":
            return self._check_perm(user, ["delete"])
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(without_delete(actions))
        if "delete" not in actions:
            return users
        return either(users, self._users_with_perm(["delete"]))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if "delete" in actions and self._check_perm(user, ["delete"], collection=instance.collection):
            return True
        others = without_delete(actions)
        return bool(others) and super().user_has_any_permission_for_instance(user, others, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, without_delete(actions))
        if "delete" not in actions:
            return instances
        deletable = self.model._default_manager.filter(collection__in=self._collections_with_perm(user, ["delete"]))
        return either(instances, deletable)

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission_for_instance(without_delete(actions), instance)
        if "delete" not in actions:
            return users
        return either(users, self._users_with_perm(["delete"], collection=instance.collection))

    def collections_user_has_any_permission_for(self, user, actions):
        collections = super().collections_user_has_any_permission_for(user, without_delete(actions))
        if "delete" not in actions:
            return collections
        return either(collections, self._collections_with_perm(user, ["delete"]))


def register_media_permission_policies():
    # The same arguments Wagtail's own policies for these models get (wagtail.images and wagtail.documents).
    media = [(get_image_model(), "wagtailimages.Image"), (get_document_model(), "wagtaildocs.Document")]
    for model, auth_model in media:
        policy = DeleteNeedsDeletePermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user")
        register_permission_policy(model, policy, exact_class=True)
