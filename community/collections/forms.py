"""The forms of members' document collections (»Merkliste«)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.models import DEFAULT_COLLECTION_NAME, CollectionItem, MaterialCollection


class CollectionForm(forms.ModelForm):
    """A member's collection: name (unique among the owner's collections), description and
    whether other members see it."""

    class Meta:
        model = MaterialCollection
        fields = ["name", "description", "is_shared"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "name": _("Name"),
            "description": _("Description"),
            "is_shared": _("Share with all members of the network"),
        }
        help_texts = {
            "name": _("E.g. »Starterpaket für neue Patenschaftsprojekte«."),
            "description": _("What the collection is for. Plain text, no formatting."),
            "is_shared": _(
                "Other approved members can then see the collection with your notes and "
                "download its files. Unshared collections are visible to you only."
            ),
        }

    def __init__(self, owner, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.owner = owner

    def clean_name(self):
        name = self.cleaned_data["name"]
        others = MaterialCollection.objects.filter(owner=self.owner, name__iexact=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("You already have a collection with this name. Please choose another one."),
                code="duplicate_name",
            )
        return name

    def save(self, commit=True):
        self.instance.owner = self.owner
        return super().save(commit)


class CollectionItemNoteForm(forms.ModelForm):
    """The note on a material in a collection; prefixed with the item, so that every item
    of a collection's page has its own field."""

    class Meta:
        model = CollectionItem
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        labels = {"note": _("Note")}
        help_texts = {"note": _("Plain text, at most 1000 characters.")}

    def __init__(self, *args, instance, **kwargs):
        super().__init__(*args, instance=instance, prefix=f"item{instance.pk}", **kwargs)


class SaveMaterialForm(forms.Form):
    """Which of the member's collections a material goes into. The »Merkliste« is always
    offered first; it is created when chosen for the first time."""

    collection = forms.TypedChoiceField(
        label=_("Save in"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, owner, *args, collections=None, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.owner = owner
        if collections is None:
            collections = MaterialCollection.objects.filter(owner=owner)
        default = [c for c in collections if c.name == DEFAULT_COLLECTION_NAME]
        others = [(c.pk, c.name) for c in collections if c.name != DEFAULT_COLLECTION_NAME]
        first = (default[0].pk if default else "", DEFAULT_COLLECTION_NAME)
        self.fields["collection"].choices = [first, *others]

    def target(self):
        """The chosen collection (the »Merkliste«, created if need be, when none is)."""
        pk = self.cleaned_data["collection"]
        if pk is not None:
            return MaterialCollection.objects.get(owner=self.owner, pk=pk)
        collection, _created = MaterialCollection.objects.get_or_create(
            owner=self.owner, name=DEFAULT_COLLECTION_NAME
        )
        return collection
