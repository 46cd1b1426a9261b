"""The admin upload of a Fingertips CSV export: upload, see what would change, confirm.

The uploaded file is kept in its ImportRun row between the preview and the confirmation, so what is imported is
exactly what the officer previewed, and nothing is kept on disk. Only officers who may add imports (Moderators)
can use it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import FormView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from indicators.importer import MAX_REPORTED, ImportRefused, check, decode, import_file
from indicators.models import ImportRun

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def may_import(user):
    """Moderators (and superusers): the import history's own admin offers no "add", so this asks Django directly."""
    return user.is_active and user.has_perm("indicators.add_importrun")


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Fingertips data file (CSV)",
        help_text="In Fingertips, choose the indicators and areas, then 'Download' > 'Export all data' as CSV. "
        "Rows for areas the site does not track are left out. You will see what changes before anything is "
        "imported.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("This file is larger than 20 MB. Export fewer indicators or areas at a time.")
        data = upload.read()
        if b"\x00" in data[:4096]:
            raise forms.ValidationError("This is not a CSV file. Export the data from Fingertips as CSV.")
        return upload.name, decode(data)


class ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def preview_context(result):
    return {
        "result": result,
        "max_reported": MAX_REPORTED,
        "sections": [
            ("Refused", "refused", result.refused[:MAX_REPORTED], len(result.refused)),
            ("Added", "added", result.added[:MAX_REPORTED], len(result.added)),
            ("Changed", "changed", result.changed[:MAX_REPORTED], len(result.changed)),
            ("Notes", "notes", result.notes[:MAX_REPORTED], len(result.notes)),
        ],
    }


class UploadView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """Step 1: choose a file. Step 2 (the response to the upload): the preview, with a button to import it."""

    form_class = UploadForm
    template_name = "indicators/admin/upload.html"
    page_title = "Upload indicator data"
    header_icon = "upload"

    def form_valid(self, form):
        file_name, text = form.cleaned_data["file"]
        result = check(text, file_name)
        # Only the officer's latest preview can be confirmed; the files of earlier ones are not kept.
        ImportRun.objects.filter(imported_by=self.request.user, status=ImportRun.Status.PREVIEWED).update(content="")
        run = ImportRun.objects.create(
            file_name=file_name,
            imported_by=self.request.user,
            content=text if result.can_import else "",
            status=ImportRun.Status.PREVIEWED if result.can_import else ImportRun.Status.REFUSED,
            rows_added=len(result.added),
            rows_changed=len(result.changed),
            rows_unchanged=result.unchanged,
            rows_refused=len(result.refused),
            rows_not_tracked=result.not_tracked,
        )
        context = self.get_context_data(form=UploadForm(), run=run, **preview_context(result))
        return self.render_to_response(context)


class ConfirmView(ImportPermissionMixin, View):
    """Step 3: import the previewed file, whole. Only the officer who uploaded it can confirm it, and only their
    latest preview."""

    http_method_names = ["post"]

    def post(self, request, pk):
        previews = ImportRun.objects.filter(status=ImportRun.Status.PREVIEWED, imported_by=request.user)
        run = get_object_or_404(previews.exclude(content=""), pk=pk)
        try:
            result = import_file(run.content, run.file_name, user=request.user, run=run)
        except ImportRefused as refused:
            messages.error(request, str(refused))
            return redirect("indicator_upload:upload")
        messages.success(request, f"Imported {run.file_name}: {result.summary()}.")
        return redirect("indicator_imports:index")


class UploadMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


class UploadViewSet(ViewSet):
    name = "indicator_upload"
    icon = "upload"
    menu_label = "Upload data"
    menu_name = "indicator-upload"

    @property
    def menu_item_class(self):
        return UploadMenuItem

    def get_urlpatterns(self):
        return [
            path("", UploadView.as_view(), name="upload"),
            path("<int:pk>/confirm/", ConfirmView.as_view(), name="confirm"),
        ]

    @property
    def menu_url(self):
        return reverse("indicator_upload:upload")
