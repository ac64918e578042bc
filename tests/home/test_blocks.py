"""The StreamField blocks of home/blocks.py: what BodyBlock offers and LinkBlock's rule."""

import pytest
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock

from home.blocks import BodyBlock, CallToActionBlock, FooterLinksBlock, LinkBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def link_block():
    return LinkBlock()


def test_body_block_offers_every_block_editors_need():
    assert list(BodyBlock().child_blocks) == [
        "heading",
        "paragraph",
        "image",
        "quote",
        "call_to_action",
        "documents",
        "contact",
        "milestones",
        "accordion",
        "embed",
    ]


def test_body_block_offers_embeds_of_videos():
    embed = BodyBlock().child_blocks["embed"]

    assert isinstance(embed.child_blocks["video"], EmbedBlock)


def test_every_body_block_renders_through_its_own_component_template():
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.template.startswith("components/blocks/"), name


def test_link_block_without_page_and_without_url_is_invalid(link_block):
    value = link_block.to_python({"label": "Mehr", "page": None, "url": ""})

    with pytest.raises(StructBlockValidationError) as error:
        link_block.clean(value)

    assert "url" in error.value.block_errors


def test_link_block_with_page_and_url_is_invalid(link_block, home_page):
    value = link_block.to_python(
        {"label": "Mehr", "page": home_page.pk, "url": "https://www.b-b-e.de/"}
    )

    with pytest.raises(StructBlockValidationError) as error:
        link_block.clean(value)

    assert "url" in error.value.block_errors


def test_link_block_with_only_a_page_is_valid(link_block, home_page):
    value = link_block.to_python({"label": "Mehr", "page": home_page.pk, "url": ""})

    cleaned = link_block.clean(value)

    assert cleaned["page"].pk == home_page.pk


def test_link_block_with_only_a_url_is_valid(link_block):
    value = link_block.to_python({"label": "Mehr", "page": None, "url": "https://www.b-b-e.de/"})

    cleaned = link_block.clean(value)

    assert cleaned["url"] == "https://www.b-b-e.de/"


def test_call_to_action_without_link_target_is_invalid():
    block = CallToActionBlock()
    value = block.to_python(
        {"title": "Mitmachen", "text": "", "link": {"label": "Los", "page": None, "url": ""}}
    )

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "link" in error.value.block_errors


def test_footer_link_with_page_and_url_is_invalid(home_page):
    block = FooterLinksBlock()
    value = block.to_python(
        [
            {
                "type": "link",
                "value": {"label": "Impressum", "page": home_page.pk, "url": "https://x.de/"},
            }
        ]
    )

    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)

    assert 0 in error.value.block_errors
