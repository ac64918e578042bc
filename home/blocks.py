"""StreamField blocks shared by every page type of the site.

Each block renders through its own template in `templates/components/blocks/`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
        help_text=_("Use a subheading only below a section heading."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=400,
        help_text=_("Shown under the image together with the image's credit."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Attribution"), required=False, help_text=_("Who said it, e.g. name and role.")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to another website."""

    label = blocks.CharBlock(label=_("Link text"), max_length=100)
    page = blocks.PageChooserBlock(
        label=_("Page"), required=False, help_text=_("A page of this site ...")
    )
    url = blocks.URLBlock(
        label=_("Web address"), required=False, help_text=_("... or another website.")
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Choose either a page or a web address.")}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "components/blocks/call_to_action.html"


class DocumentLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        label = _("Document links")
        template = "components/blocks/document_links.html"


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=120)
    phone = blocks.CharBlock(
        label=_("Phone"), required=False, max_length=40, help_text=_("e.g. (0 30) 6 29 80-2 17")
    )
    email = blocks.EmailBlock(
        label=_("E-mail"),
        required=False,
        help_text=_("Shown so that address harvesters cannot read it."),
    )

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "components/blocks/contact.html"


class MilestoneBlock(blocks.StructBlock):
    when = blocks.CharBlock(label=_("When"), max_length=60, help_text=_("e.g. »Herbst 2017«"))
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, required=False)


class MilestoneListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    milestones = blocks.ListBlock(MilestoneBlock(), label=_("Milestones"))

    class Meta:
        icon = "time"
        label = _("Milestones")
        template = "components/blocks/milestones.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Accordion (FAQ)")
        template = "components/blocks/accordion.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("Video or embed"), help_text=_("Web address of a video, e.g. on YouTube or Vimeo.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "components/blocks/embed.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="components/blocks/paragraph.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentLinksBlock()
    contact = ContactBlock()
    milestones = MilestoneListBlock()
    accordion = AccordionBlock()
    embed = VideoBlock()


class FooterLinksBlock(blocks.StreamBlock):
    link = LinkBlock()


class ContactsBlock(blocks.StreamBlock):
    contact = ContactBlock()
