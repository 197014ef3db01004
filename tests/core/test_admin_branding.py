"""The admin names the institute, not Wagtail, in the browser tab and on the sign-in page."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def title(response):
    return BeautifulSoup(response.content, "html.parser").title.get_text()


def test_admin_tab_title_names_the_institute(admin_client, institute):
    text = title(admin_client.get("/admin/"))
    assert text.endswith("Harbour Institute")
    assert "Wagtail" not in text


def test_sign_in_page_names_the_institute(client, institute):
    page = BeautifulSoup(client.get("/admin/login/").content, "html.parser")
    assert "Wagtail" not in page.title.get_text()
    assert page.h1.get_text().strip() == "Sign in to Harbour Institute"


def test_before_the_institute_is_named_the_admin_uses_the_default_name(admin_client):
    assert title(admin_client.get("/admin/")) == "Dashboard - Peninsula Institute"
