from django import forms

from peninsula.core.widgets import QuickSelect
from peninsula.taxonomy.terms import all_terms, term_by_slug


class TermChoiceField(forms.ChoiceField):
    """One theme (region, topic) chosen by slug, from the cached term list: no query to
    list the choices or to resolve the one chosen. Cleans to the term, or None."""

    widget = QuickSelect

    def __init__(self, model, *, empty_label, **kwargs):
        self.model = model
        super().__init__(
            choices=lambda: [("", empty_label), *((t.slug, t.name) for t in all_terms(model))],
            **kwargs,
        )

    def to_python(self, value):
        if value in self.empty_values:
            return None
        term = term_by_slug(self.model, str(value))
        if term is None:
            raise forms.ValidationError(
                "There is no such %(kind)s.",
                code="invalid_choice",
                params={"kind": self.model._meta.verbose_name},
            )
        return term

    def validate(self, value):
        forms.Field.validate(self, value)  # to_python has checked the choice already
