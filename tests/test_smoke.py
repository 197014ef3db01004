import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_article_renders(client):
    person = factories.PersonPageFactory(title="Jane Park")
    theme = factories.ThemeFactory(name="Security")
    article = factories.ArticlePageFactory(title="Alliance politics", authors=[person], themes=[theme])
    response = client.get(article.url)
    assert response.status_code == 200, response.content[:3000]
    print(response.content.decode()[:200])
