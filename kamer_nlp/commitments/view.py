"""A Doc's text and span groups, read once per component call (:class:`DocView`).

The structuring functions take a :class:`DocView` (or a Doc, viewed for that one call): a
component that structures many sentences of one Doc reads the text and the span groups
once through the view instead of once per sentence, which would make it quadratic in the
length of the document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span

from kamer_nlp.nlp.extensions import ACTORS_KEY, actor_attrs

#: the actor types of people named by their function (a bewindspersoon)
PERSON_TYPES = frozenset({"minister", "staatssecretaris", "minister-president"})


class DocView:
    """A Doc's text and span groups, read once for the many look-ups of one component call.

    ``doc.text`` joins the whole text again on every access and iterating ``doc.spans[key]``
    creates every Span again; the view does both once and finds the spans inside a
    sentence by bisection. It reflects the Doc as it was when first read: make a new view
    after changing the Doc's text, span groups or span attrs.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self._groups: dict[str, tuple[list[int], list[tuple[int, int, int, Span]]]] = {}
        self._people: list[Span] | None = None

    def _group(self, key: str) -> tuple[list[int], list[tuple[int, int, int, Span]]]:
        if key not in self._groups:
            spans = list(self.doc.spans[key]) if key in self.doc.spans else []
            entries = sorted(
                ((s.start_char, n, s.end_char, s) for n, s in enumerate(spans)),
                key=lambda e: (e[0], e[1]),
            )
            self._groups[key] = ([e[0] for e in entries], entries)
        return self._groups[key]

    def spans_in(self, key: str, start: int, end: int) -> list[Span]:
        """The spans of ``doc.spans[key]`` inside ``start``..``end``, in the group's order."""
        starts, entries = self._group(key)
        lo, hi = bisect_left(starts, start), bisect_right(starts, end)
        inside = [e for e in entries[lo:hi] if e[2] <= end]
        inside.sort(key=lambda e: e[1])
        return [e[3] for e in inside]

    def people(self) -> list[Span]:
        """The ACTOR spans of the people named (minister, …): the last span per actor id."""
        if self._people is None:
            _, entries = self._group(ACTORS_KEY)
            by_id: dict[str, Span] = {}
            for *_, span in sorted(entries, key=lambda e: e[1]):
                attrs = actor_attrs(span)
                if attrs is not None and attrs.type in PERSON_TYPES and attrs.actor_id:
                    by_id[attrs.actor_id] = span
            self._people = list(by_id.values())
        return self._people


def as_view(doc: Doc | DocView) -> DocView:
    return doc if isinstance(doc, DocView) else DocView(doc)


def overlaps(span: Span, region: tuple[int, int]) -> bool:
    """Whether ``span`` overlaps the character range ``region``."""
    return span.start_char < region[1] and region[0] < span.end_char
