"""Every page type renders its own fields and every block of BodyBlock over HTTP."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    ContentPageFactory,
    LibraryDocumentFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SiteImageFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

PAGE_TYPES = ["home", "content", "news_index", "news"]
# The news list's body is checked once, by test_news_index_page_shows_its_body.
PAGE_TYPES_WITH_BODY_BLOCKS = ["home", "content", "news"]


def every_block_body(*, linked_page, image, document):
    """A body with each block of BodyBlock except the embed (which needs the internet)."""
    return [
        {"type": "heading", "value": {"text": "Worum es geht", "level": "h2"}},
        {"type": "heading", "value": {"text": "Im Einzelnen", "level": "h3"}},
        {"type": "paragraph", "value": "<p>Patenschaften <b>stärken</b> Menschen.</p>"},
        {"type": "image", "value": {"image": image.pk, "caption": "Plenum am ersten Tag"}},
        {
            "type": "quote",
            "value": {"text": "Engagement verbindet.", "attribution": "Eine Patin aus Köln"},
        },
        {
            "type": "call_to_action",
            "value": {
                "title": "Mitmachen",
                "text": "Werden Sie Patin oder Pate.",
                "link": {"label": "Zum Programm", "page": linked_page.pk, "url": ""},
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "title": "Mehr erfahren",
                "text": "",
                "link": {
                    "label": "Zum BBE",
                    "page": None,
                    "url": "https://www.b-b-e.de/mitmachen/",
                },
            },
        },
        {"type": "documents", "value": {"heading": "Downloads", "documents": [document.pk]}},
        {
            "type": "contact",
            "value": {
                "name": "Lena Lotsin",
                "role": "Projektleitung",
                "phone": "(0 30) 6 29 80-2 17",
                "email": "lena.lotsin@example.org",
            },
        },
        {
            "type": "milestones",
            "value": {
                "heading": "Meilensteine",
                "milestones": [
                    {"when": "Herbst 2017", "title": "Fachkongress", "text": "<p>In Berlin.</p>"}
                ],
            },
        },
        {
            "type": "accordion",
            "value": {
                "heading": "Häufige Fragen",
                "items": [{"question": "Wer kann mitmachen?", "answer": "<p>Alle Träger.</p>"}],
            },
        },
    ]


def make_page(page_type, home_page, **fields):
    """A live page of `page_type` in the tree below `home_page`, with `fields`."""
    if page_type == "home":
        for name, value in fields.items():
            setattr(home_page, name, value)
        home_page.save()
        return home_page
    if page_type == "content":
        return ContentPageFactory(parent=home_page, title="Über uns", slug="ueber-uns", **fields)
    if page_type == "news_index":
        return NewsIndexPageFactory(parent=home_page, **fields)
    news_index = NewsIndexPageFactory(parent=home_page)
    return NewsPageFactory(parent=news_index, title="Fachkongress 2017", **fields)


@pytest.fixture
def linked_page(home_page):
    return ContentPageFactory(parent=home_page, title="Programm", slug="programm")


@pytest.fixture
def document(db):
    return LibraryDocumentFactory(
        title="Leitfaden für Patenschaften",
        file__filename="leitfaden.pdf",
        file__data=b"%PDF-1.4\n" + b"x" * 2039,  # 2048 bytes
    )


@pytest.fixture(params=PAGE_TYPES_WITH_BODY_BLOCKS)
def page_with_every_block(request, home_page, linked_page, document):
    image = SiteImageFactory(description="Zwei Menschen im Gespräch", credit="Foto: BBE")
    body = every_block_body(linked_page=linked_page, image=image, document=document)
    return make_page(request.param, home_page, body=body)


@pytest.fixture
def body_html(client, page_with_every_block):
    response = client.get(page_with_every_block.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def stream(body_html):
    """The page's main content, where the body's blocks must appear."""
    return BeautifulSoup(body_html, "html.parser").main


# --- The page types' own fields ---------------------------------------------------------------


def test_home_page_shows_headline_and_lead(client, home_page):
    html = soup(client.get("/"))

    assert text_of(html.h1) == "Menschen stärken Menschen"
    assert text_of(html.select_one(".hero .lead")) == home_page.intro


def test_home_page_shows_its_title_as_heading_without_headline(client, home_page):
    home_page.headline = ""
    home_page.save()

    html = soup(client.get("/"))

    assert text_of(html.h1) == "Startseite"


def test_home_page_shows_hero_image_with_caption_and_credit(client, home_page):
    home_page.hero_image = SiteImageFactory(
        description="Patinnen beim Fachkongress", credit="Foto: Jörg Farys"
    )
    home_page.hero_caption = "Fachkongress 2017 in Berlin"
    home_page.save()

    html = soup(client.get("/"))

    figure = html.select_one(".hero figure")
    assert figure.img["alt"] == "Patinnen beim Fachkongress"
    assert "Fachkongress 2017 in Berlin" in text_of(figure.figcaption)
    assert "Foto: Jörg Farys" in text_of(figure.figcaption)


def test_content_page_shows_title_and_lead(client, home_page):
    page = ContentPageFactory(
        parent=home_page, title="Über uns", slug="ueber-uns", intro="Wer wir sind."
    )

    html = soup(client.get(page.url))

    assert text_of(html.h1) == "Über uns"
    assert text_of(html.select_one(".page-header .lead")) == "Wer wir sind."


def test_news_index_page_shows_title_and_lead(client, home_page):
    page = NewsIndexPageFactory(parent=home_page, title="Meldungen", intro="Aus dem Programm.")

    html = soup(client.get(page.url))

    assert text_of(html.h1) == "Meldungen"
    assert text_of(html.select_one(".page-header .lead")) == "Aus dem Programm."


def test_news_index_page_shows_its_body(client, home_page):
    """The news list inherits the body field and its editor panel; what editors enter there
    appears above the list."""
    page = NewsIndexPageFactory(
        parent=home_page,
        body=[{"type": "paragraph", "value": "<p>Unsere Pressemitteilungen.</p>"}],
    )

    html = soup(client.get(page.url))

    assert "Unsere Pressemitteilungen." in text_of(html.main)


def test_news_page_shows_title_date_teaser_and_link_to_all_news(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    page = NewsPageFactory(
        parent=news_index,
        title="Fachkongress 2017",
        date=datetime.date(2017, 11, 3),
        teaser="Rückblick auf zwei Tage in Berlin.",
    )

    html = soup(client.get(page.url))

    assert text_of(html.h1) == "Fachkongress 2017"
    time = html.select_one(".page-header time")
    assert time["datetime"] == "2017-11-03"
    assert text_of(time) == "3. November 2017"
    assert text_of(html.select_one(".page-header .lead")) == "Rückblick auf zwei Tage in Berlin."
    assert html.select_one(".back-link a")["href"] == news_index.url


def test_news_page_shows_its_image_with_alt_text_and_credit(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    image = SiteImageFactory(description="Plenum des Kongresses", credit="Foto: BBE")
    page = NewsPageFactory(parent=news_index, image=image)

    html = soup(client.get(page.url))

    figure = html.select_one("article figure")
    assert figure.img["alt"] == "Plenum des Kongresses"
    assert "Foto: BBE" in text_of(figure.figcaption)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_with_empty_body_renders(client, home_page, page_type):
    page = make_page(page_type, home_page, body=[])

    response = client.get(page.url)

    assert response.status_code == 200


# --- Every block of the body, on every page type -----------------------------------------------


def test_heading_block_renders_section_heading_and_subheading(stream):
    assert text_of(stream.select_one("h2.block-heading")) == "Worum es geht"
    assert text_of(stream.select_one("h3.block-heading")) == "Im Einzelnen"


def test_paragraph_block_renders_rich_text(stream):
    paragraph = stream.select_one(".stream .rich-text")

    assert paragraph is not None
    assert "<b>stärken</b>" in str(paragraph)


def test_image_block_shows_alt_text_caption_and_credit(stream):
    figure = stream.select_one("figure.figure")

    assert figure is not None
    assert figure.img["alt"] == "Zwei Menschen im Gespräch"
    assert figure.img["src"].startswith("/media/images/")
    assert "Plenum am ersten Tag" in text_of(figure.figcaption)
    assert text_of(figure.select_one(".figure__credit")) == "(Foto: BBE)"


def test_quote_block_shows_text_and_attribution(stream):
    quote = stream.select_one("figure.quote")

    assert quote is not None
    assert text_of(quote.blockquote) == "Engagement verbindet."
    assert "Eine Patin aus Köln" in text_of(quote.figcaption)


def test_call_to_action_block_links_to_a_page_of_the_site(stream, linked_page):
    ctas = stream.select("aside.cta")

    assert len(ctas) == 2
    first_cta = ctas[0]

    assert text_of(first_cta.select_one(".cta__title")) == "Mitmachen"
    assert text_of(first_cta.select_one(".cta__text")) == "Werden Sie Patin oder Pate."
    link = first_cta.select_one("a.button")
    assert link["href"] == linked_page.url == "/programm/"
    assert text_of(link) == "Zum Programm"


def test_call_to_action_block_links_to_another_website(stream):
    ctas = stream.select("aside.cta")

    assert len(ctas) == 2
    link = ctas[1].select_one("a.button")
    assert link["href"] == "https://www.b-b-e.de/mitmachen/"
    assert text_of(link) == "Zum BBE"


def test_document_block_shows_title_extension_and_size(stream, document):
    item = stream.select_one(".documents li")

    assert item is not None
    assert item.a["href"] == document.url
    assert text_of(item.a) == "Leitfaden für Patenschaften"
    assert text_of(item.select_one(".documents__meta")) == "(PDF, 2,0 KB)"


def test_contact_block_shows_name_role_and_phone(stream):
    card = stream.select_one(".stream .contact-card")

    assert card is not None
    assert text_of(card.select_one(".contact-card__name")) == "Lena Lotsin"
    assert text_of(card.select_one(".contact-card__role")) == "Projektleitung"
    assert "(0 30) 6 29 80-2 17" in text_of(card)


def test_contact_block_never_shows_the_email_address_with_a_plain_at_sign(body_html):
    assert "lena.lotsin@example.org" not in body_html
    assert "lena.lotsin&#64;example.org" not in body_html
    assert "lena.lotsin&#x40;example.org" not in body_html
    assert "mailto:lena.lotsin" not in body_html


def test_contact_block_offers_the_email_address_for_the_script_and_as_text(stream):
    link = stream.select_one(".stream .contact-card a.js-email")

    assert link is not None
    assert link["data-user"] == "lena.lotsin"
    assert link["data-domain"] == "example.org"
    assert text_of(link) == "lena.lotsin(at)example.org"
    assert "@" not in str(link.find_parent(class_="contact-card"))


def test_milestones_block_shows_when_title_and_text(stream):
    milestone = stream.select_one(".milestones li.milestone")

    assert milestone is not None
    assert text_of(milestone.select_one(".milestone__when")) == "Herbst 2017"
    assert text_of(milestone.select_one(".milestone__title")) == "Fachkongress"
    assert text_of(milestone.select_one(".rich-text")) == "In Berlin."


def test_accordion_block_renders_details_with_question_and_answer(stream):
    details = stream.select_one(".accordion details")

    assert details is not None
    assert text_of(details.summary) == "Wer kann mitmachen?"
    assert text_of(details.select_one(".rich-text")) == "Alle Träger."
