"""Input the databases cannot store is refused at the edge, before any query sees it.

PostgreSQL refuses a NUL character in any text value ("A string literal cannot contain NUL
(0x00) characters"), and SQLite's driver refuses an integer past 64 bits. Either, reaching
a query, was an error 500; caught here, it is a 400 or 404 with the site's error page, the
same on both databases.

- Text: RefuseControlCharactersMiddleware turns away a request whose path holds any control
  character, or whose query string holds one other than tab and line breaks (which a pasted
  search may carry). Posted forms need nothing here: every Django CharField already refuses
  NUL, and a form is the only way a POST body reaches a query.
- Ids: the `id` path converter and IdMultipleChoiceField accept only what fits a 64-bit
  primary key; a larger number is a 404 (in a path) or a form error (in a form).
"""

import re

from django import forms

MAX_ID = 2**63 - 1  # the largest primary key either database holds

_PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_QUERY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_unstorable_text(path: str, query) -> bool:
    """True when the (decoded) path or any query key or value holds a refused character."""
    if _PATH_CONTROL.search(path):
        return True
    return any(
        _QUERY_CONTROL.search(key) or any(_QUERY_CONTROL.search(value) for value in values)
        for key, values in query.lists()
    )


class RefuseControlCharactersMiddleware:
    """400 Bad Request, with the site's error page, for a control character in the path or
    query string. Placed after the middleware that sets the site and the user, which that
    page's header and footer read. (Raising BadRequest would log a traceback for each.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_unstorable_text(request.path_info, request.GET):
            from peninsula.core.views import bad_request

            return bad_request(request)
        return self.get_response(request)


def parse_id(value) -> int | None:
    """A primary key from text, or None when it is not one (signs, spaces, > 64 bits)."""
    text = str(value)
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


class IdConverter:
    """`<id:pk>` in a URL pattern: like `<int:...>`, but only numbers a database can hold,
    so /feeds/events/99999999999999999999999.ics is a 404 rather than an overflow."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError("not a database id")  # Django's resolver: no match, so 404
        return number

    def to_url(self, value):
        return str(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Rows chosen by id, where every id posted is checked to be one before the query
    that looks them up (SQLite's driver overflows on a 20-digit number)."""

    def _check_values(self, value):
        for item in value:
            if parse_id(item) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(item)[:40]},
                )
        return super()._check_values(value)
