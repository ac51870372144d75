"""The search page (/sok/) and the search boxes' suggestions (/sok/forslag/): what
search.service finds for the reader, shown with facets, pages and help."""

from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _

from search import service
from search.forms import SearchForm
from search.models.entries import Kind
from search.query import MAX_LENGTH

MIN_SUGGEST = 2
FILTERS = ("typ", "kommun", "amne")


def _query_string(params, **changes):
    """The address's parameters with `changes` applied (None removes one), without a
    page number: any new filter starts again at page 1."""
    query = QueryDict(mutable=True)
    for name in ("q", *FILTERS):
        values = changes[name] if name in changes else params.get(name)
        if values in (None, "", []):
            continue
        query.setlist(name, [str(v) for v in (values if isinstance(values, list) else [values])])
    return query.urlencode()


def _names(model, ids):
    # Municipalities and topics are public and few: every name from the cache (retired
    # when one changes, portal/cache_version.py).
    every = service.cached_everyone(
        f"names:{model._meta.label}", lambda: dict(model.objects.values_list("pk", "name"))
    )
    return {pk: every[pk] for pk in ids if pk in every}


def _facets(results, params):
    """Each facet's values with counts and the address that adds or removes them; the
    chosen ones first and always listed, so they can be removed."""
    from knowledge.models import Topic
    from portal.models import Municipality

    counts = results.facets or {}
    kinds = counts.get("kind", {})
    chosen_kinds = params["typ"]
    kind_items = [
        {
            "label": label,
            "count": kinds.get(value, 0),
            "selected": value in chosen_kinds,
            "query": _query_string(
                params,
                typ=[k for k in chosen_kinds if k != value]
                if value in chosen_kinds
                else [*chosen_kinds, value],
            ),
        }
        for value, label in Kind.choices
        if kinds.get(value) or value in chosen_kinds
    ]
    groups = [{"key": "typ", "heading": _("Type"), "items": kind_items}]
    for key, facet, model, heading in (
        ("kommun", "municipality", Municipality, _("Municipality")),
        ("amne", "topic", Topic, _("Topic")),
    ):
        found = counts.get(facet, {})
        chosen = params[key]
        names = _names(model, [*found, *([chosen] if chosen else [])])
        items = [
            {
                "label": names[pk],
                "count": found.get(pk, 0),
                "selected": pk == chosen,
                "query": _query_string(params, **{key: None if pk == chosen else pk}),
            }
            for pk in names
            if found.get(pk) or pk == chosen
        ]
        items.sort(key=lambda item: (not item["selected"], item["label"].lower()))
        groups.append({"key": key, "heading": heading, "items": items})
    return [group for group in groups if group["items"]]


def search_page(request):
    form = SearchForm(request.GET)
    form.is_valid()
    text = form.valid("q", "")
    params = {
        "q": text,
        "typ": form.valid("typ", []),
        "kommun": form.valid("kommun"),
        "amne": form.valid("amne"),
    }
    filters = service.Filters(
        kinds=params["typ"], municipality=params["kommun"], topic=params["amne"]
    )
    results = service.search(request.user, text, filters, form.valid("sida", 1))
    shown_text = text if "q" not in form.errors else request.GET.get("q", "")[:MAX_LENGTH]
    facets = _facets(results, params) if results.searched else []
    context = {
        "form": form,
        "problems": form.problems(),
        "query": shown_text.replace("\x00", ""),
        "results": results,
        "facets": facets,
        "chosen": [item for group in facets for item in group["items"] if item["selected"]],
        "clear_query": _query_string(params, typ=None, kommun=None, amne=None),
        "page_query": _query_string(params),
        "hidden_filters": [(name, value) for name in FILTERS for value in _listed(params[name])],
        "corrected_query": _query_string(params, q=results.corrected_to),
        "nothing_to_search": bool(text.strip()) and not results.searched,
    }
    return render(request, "search/search_page.html", context)


def _listed(value):
    if value in (None, "", []):
        return []
    return value if isinstance(value, list) else [value]


def suggestions(request):
    """Titles for the search boxes' autocomplete, as JSON: only what the reader may see."""
    text = request.GET.get("q", "")
    found = []
    if MIN_SUGGEST <= len(text.strip()) <= MAX_LENGTH and "\x00" not in text:
        found = service.suggestions(request.user, text)
    response = JsonResponse({"suggestions": found})
    # Titles depend on who asks: no cache may keep them.
    response["Cache-Control"] = "private, no-store"
    return response
