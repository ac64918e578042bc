from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def page_of(items, number, per_page, count=None):
    """The page `number` (from ?page=, so any string) of `items`: page 1 for anything that
    is no number, the last page for a number past the end. `count`, when the caller knows
    it already, saves the paginator its COUNT query."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
