"""Form behaviour for the GOV.UK Design System patterns used by every public form on the site.

Use GovukFormMixin on a Django form and render it with templates/components/error_summary.html and
templates/components/form_field.html. Hints come from each field's help_text. Two optional attributes
on a form field change how it is shown: `character_count` (a number: the GOV.UK character count) and
`warning` (text shown in bold above the control, for example after an error).
"""

from core.text import CleanTextFormMixin

GROUP_WIDGETS = {"checkboxselectmultiple", "radioselect"}


class GovukFormMixin(CleanTextFormMixin):
    """Ids for hints and errors, aria-describedby on every control, and the links for the error summary.
    What the visitor typed is cleaned of control characters first (core/text.py)."""

    # Partners paste long text; a maxlength attribute would silently cut it short. Lengths are
    # checked on the server instead, with a message saying how much to remove.
    remove_maxlength = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for bound_field in self:
            if self.remove_maxlength:
                bound_field.field.widget.attrs.pop("maxlength", None)
            self._describe(bound_field)

    def full_clean(self):
        super().full_clean()
        for bound_field in self:
            self._describe(bound_field)

    @staticmethod
    def is_group(bound_field):
        return bound_field.widget_type in GROUP_WIDGETS

    def _describe(self, bound_field):
        """Point the control at its hint and error message. Groups put this on their fieldset instead."""
        ids = self.describedby_ids(bound_field)
        bound_field.field.describedby = ids
        if self.is_group(bound_field):
            return
        if ids:
            bound_field.field.widget.attrs["aria-describedby"] = ids
        else:
            bound_field.field.widget.attrs.pop("aria-describedby", None)

    def describedby_ids(self, bound_field):
        ids = []
        if bound_field.help_text:
            ids.append(f"{bound_field.auto_id}-hint")
        if getattr(bound_field.field, "warning", None):
            ids.append(f"{bound_field.auto_id}-warning")
        if getattr(bound_field.field, "character_count", None):
            ids.append(f"{bound_field.auto_id}-info")
        # Read _errors directly: touching .errors before validation would validate the form too early.
        if self._errors and bound_field.name in self._errors:
            ids.append(f"{bound_field.auto_id}-error")
        return " ".join(ids)

    @staticmethod
    def control_id(bound_field):
        """The id an error summary link should move focus to: the first option of a group."""
        if bound_field.widget_type in GROUP_WIDGETS:
            return f"{bound_field.auto_id}_0"
        return bound_field.auto_id

    def error_summary(self):
        """[(id to link to or None, message)] in the order the fields appear on the page."""
        items = [(None, message) for message in self.non_field_errors()]
        for bound_field in self:
            if bound_field.errors:
                items.append((self.control_id(bound_field), bound_field.errors[0]))
        return items
