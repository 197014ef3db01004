from pathlib import Path

from django import forms
from django.conf import settings

from peninsula.importers import limits


class ImportForm(forms.Form):
    export = forms.FileField(
        label="WordPress export file",
        help_text="In WordPress: Tools → Export → All content. An .xml file.",
    )
    mapping = forms.FileField(
        label="Mapping file (optional)",
        required=False,
        help_text="A .toml file saying what categories and tags become. See docs/importing.md.",
    )
    uploads_dir = forms.CharField(
        label="Uploads folder on the server (optional)",
        required=False,
        help_text="A copy of wp-content/uploads inside the folder set in "
        "PENINSULA_IMPORT_UPLOADS_ROOT.",
    )
    dry_run = forms.BooleanField(
        label="Dry run", required=False, help_text="Report what would happen, save nothing."
    )

    def clean_export(self):
        export = self.cleaned_data["export"]
        if not export.name.lower().endswith(".xml"):
            raise forms.ValidationError("Choose the .xml file WordPress exported.")
        if export.size > limits.max_file_bytes():
            raise forms.ValidationError(
                f"The file is {limits.megabytes(export.size)}, more than the "
                f"{limits.megabytes(limits.max_file_bytes())} an import may read "
                "(PENINSULA_IMPORT_MAX_FILE_MB). Nothing was imported."
            )
        return export

    def clean_mapping(self):
        from peninsula.importers.mapping import MappingError, load_mapping

        mapping = self.cleaned_data.get("mapping")
        if not mapping:
            return ""
        try:
            text = mapping.read().decode("utf-8")
            load_mapping(text, name=mapping.name)
        except UnicodeDecodeError as error:
            raise forms.ValidationError("The mapping file must be UTF-8 text.") from error
        except MappingError as error:
            raise forms.ValidationError(str(error)) from error
        return text

    def clean_uploads_dir(self):
        value = self.cleaned_data["uploads_dir"].strip()
        if not value:
            return ""
        # Editors may only point at folders an administrator set aside for imports.
        root = getattr(settings, "PENINSULA_IMPORT_UPLOADS_ROOT", None)
        if not root:
            raise forms.ValidationError(
                "Importing files from the server is off: an administrator sets "
                "PENINSULA_IMPORT_UPLOADS_ROOT to allow it, or runs `peninsula import "
                "wordpress FILE --uploads DIR`."
            )
        path = (Path(root) / value).resolve()
        if not path.is_relative_to(Path(root).resolve()) or not path.is_dir():
            raise forms.ValidationError(f"There is no folder {value} in {root}.")
        return str(path)
