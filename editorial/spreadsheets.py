"""Every admin spreadsheet export (CSV and XLSX) holds data, never formulas, and never fails on stored text.

Wagtail builds all of its listing exports (model and snippet listings such as page feedback, the reports such as
site history and aging pages, form submissions) with one class, SpreadsheetExportMixin, which has no setting or
hook for either rule. So `protect_spreadsheet_exports` extends that class once, at start-up, for all of them:
- every text cell is cleaned by core.text's policy, since openpyxl raises IllegalCharacterError on control
  characters and XML cannot hold them;
- a CSV cell starting with a formula trigger (=, +, -, @, tab) gets a leading "'", as OWASP advises;
- an XLSX text cell starting with one is marked "quote prefix", Excel's own flag for "text, not a formula",
  so the cell shows exactly what was stored and stays text even when an officer edits it.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.text import FORMULA_TRIGGERS, clean_text, spreadsheet_cell


def preprocess_field_value(self, field, value, export_format):
    value = wagtail_preprocess_field_value(self, field, value, export_format)
    return spreadsheet_cell(value) if export_format == self.FORMAT_CSV else clean_text(value)


def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
    for cell in wagtail_generate_xlsx_row(self, worksheet, row_dict, date_format=date_format):
        if cell.data_type in ("s", "inlineStr") and isinstance(cell.value, str):
            # openpyxl would store a cell starting with "=" as a formula; Wagtail already makes it text.
            cell.data_type = "s"
            if cell.value.startswith(FORMULA_TRIGGERS):
                cell.quotePrefix = True
        yield cell


wagtail_preprocess_field_value = SpreadsheetExportMixin.preprocess_field_value
wagtail_generate_xlsx_row = SpreadsheetExportMixin.generate_xlsx_row


def protect_spreadsheet_exports():
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = generate_xlsx_row
