"""The regular expressions of the temporal grammar, built from lexicon.json.

Each pattern finds one kind of *core* expression ("14 februari 2018", "aanstaande
zomer", "binnen zes weken"); modifiers in front of a core ("uiterlijk", "voor", "na")
are attached afterwards (see finder.py). All patterns are case-insensitive and allow
whitespace with at most one line break between words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# whitespace between two words: spaces, or one line break with optional spaces
S = r"(?:[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*)"
B = r"(?<![\w/-])"  # a word starts here
E = r"(?!\w)"  # a word ends here
YEAR = r"(?:19|20)\d\d(?!\d|[-\u2010-\u2014/]\d)"  # not the first year of "2017-2021"
YEAR4 = r"(?:19|20)\d\d(?!\d)"
YDX = r"(?:dit|het|deze|volgend|volgende|komend|komende|vorig|vorige)"
DASH = "-\u2010\u2011\u2012\u2013\u2014"


def alt(phrases: Iterable[str]) -> str:
    """An alternation of literal phrases, longest first; a space matches ``S``."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", S) for p in ordered) + ")"


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    priority: int  # lower wins when two candidates cover the same characters


def build_patterns(
    lex: dict[str, Any], event_names: Iterable[str], recess_names: Iterable[str]
) -> tuple[Pattern, ...]:
    month = alt(lex["months"])
    abbr = alt(lex["month_abbreviations"])
    weekday = alt(lex["weekdays"])
    num = r"(?:\d{1,3}|" + alt([*lex["numbers"], *lex["fractions"]])[3:]
    ordinal = alt(lex["ordinals"])
    unit = alt(lex["units"])
    season = alt(lex["seasons"])
    part = alt(lex["parts"])
    dx = alt(lex["deixis"])
    sfx = alt(lex["day_month_suffixes"])
    cues = alt(lex["year_cues"])
    vague = alt(lex["vague"])
    sets = alt(lex["sets"])
    freq = alt(lex["set_frequency_words"])
    events = alt(event_names)
    recesses = alt(recess_names)
    school = alt(lex["school_year_words"])
    year_tail = rf"(?:,?{S}(?P<year>{YEAR})|{S}(?P<sfx>{sfx})(?![^\W\d])|{S}(?:van{S})?(?P<ydx>{YDX}){S}jaar{E})?"
    of_year = rf"(?:{S}(?:van{S})?(?:(?P<year>{YEAR})|(?P<ydx>{YDX}){S}jaar{E}))?"
    lead = r"(?<![\w/-])(?<!\d[.,])"

    specs: list[tuple[str, str]] = [
        # 14 februari 2018, 7 februari jl., op dinsdag 12 maart a.s., 1 juli
        (
            "date_text",
            rf"{lead}(?:(?P<wd>{weekday}),?{S})?(?P<day>[0-3]?\d)(?:e|ste|de)?{S}"
            rf"(?P<mon>{month}{E}|{abbr}(?:\.|{E})){year_tail}",
        ),
        # the 7 of "7 en 8 oktober 2016", "3, 4 of 5 maart"
        (
            "day_coord",
            rf"{lead}(?P<day>[0-3]?\d)(?=(?:,{S}[0-3]?\d)*,?{S}(?:en|of){S}[0-3]?\d{S}(?P<mon>{month}){E}"
            rf"(?:,?{S}(?P<year>{YEAR}))?)",
        ),
        # 1-7-2023, 14/02/2018, 2018-02-14
        (
            "date_numeric",
            rf"(?<![\w/.,{DASH}])(?P<day>[0-3]?\d)(?P<sep>[-/.])(?P<mon>[01]?\d)(?P=sep)(?P<year>{YEAR})"
            rf"(?![\w/{DASH}]|[.,]\d)",
        ),
        (
            "date_iso",
            rf"(?<![\w/.,{DASH}])(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\w/{DASH}]|[.,]\d)",
        ),
        # tussen 1 en 15 maart, 1 t/m 5 maart 2024
        (
            "day_range",
            rf"{B}(?:(?P<pre>tussen|van){S})?(?P<d1>[0-3]?\d){S}?(?P<j>en|tot{S}en{S}met|t/m|tot|[{DASH}]){S}?"
            rf"(?P<d2>[0-3]?\d){S}(?P<mon>{month}){E}(?:{S}(?P<year>{YEAR}))?",
        ),
        # december, eind maart, half mei, maart jl., december 2023, de maand mei
        (
            "month",
            rf"{B}(?:(?P<part>{part}){S}|(?P<half>half){S})?(?:(?P<dx>{dx}){S})?(?:(?:de|het){S}maand{S})?"
            rf"(?P<mon>{month}){E}{year_tail}",
        ),
        # in 2024, begin 2024, voor 2030 (a year needs a cue in front)
        (
            "year",
            rf"{B}(?:(?P<cue>{cues}){S}|(?P<part>{part}){S})(?P<year>{YEAR})"
            rf"(?![\w/]|[.,]\d|{S}?[{DASH}]{S}?(?:19|20)\d\d)",
        ),
        # 2023-2030 (not after "vergaderjaar")
        (
            "year_range",
            rf"(?<![\w/.,{DASH}])(?P<y1>{YEAR4}){S}?[{DASH}]{S}?(?P<y2>{YEAR4})(?![\w/{DASH}]|[.,]\d)",
        ),
        # het tweede kwartaal van 2025, eind van het eerste kwartaal
        (
            "quarter",
            rf"{B}(?:(?P<part>{part}){S})?(?:(?P<det>het|dit|deze){S})?(?P<ord>{ordinal}){S}kwartaal{E}{of_year}",
        ),
        (
            "quarter_q",
            rf"{B}(?:(?P<part>{part}){S})?Q(?P<q>[1-4])(?:[ \u00a0-]?(?P<year>{YEAR}))?{E}",
        ),
        ("year_quarter", rf"(?<![\w/-])(?P<year>(?:19|20)\d\d)[ \u00a0-]?Q(?P<q>[1-4]){E}"),
        # de eerste helft van 2023, het tweede halfjaar
        (
            "half",
            rf"{B}(?:(?P<part>{part}){S})?(?:(?P<det>de|het|dit|deze){S})?(?P<ord>eerste|tweede|laatste|1e|2e){S}"
            rf"(?P<h>helft|halfjaar|half{S}jaar|jaarhelft){E}(?:{S}van{S}(?:(?P<year>{YEAR})|(?P<ydx>{YDX}){S}jaar{E}))?",
        ),
        ("half_h", rf"{B}H(?P<h>[12])[ \u00a0-]?(?P<year>{YEAR})"),
        ("year_half", rf"(?<![\w/-])(?P<year>(?:19|20)\d\d)[ \u00a0-]?H(?P<h>[12]){E}"),
        # week 12, week 12 van 2024, 2024-W12
        (
            "week",
            rf"{B}(?:(?P<part>{part}){S})?week(?:nummer)?{S}(?P<w>\d{{1,2}})(?!\d)(?:{S}(?:van{S})?(?P<year>{YEAR}))?",
        ),
        ("iso_week", rf"(?<![\w/-])(?P<year>(?:19|20)\d\d)-?W(?P<w>\d\d){E}"),
        # aanstaande zomer, dit najaar, het voorjaar van 2023, eind van de zomer
        (
            "season",
            rf"{B}(?:(?P<part>{part}){S})?(?:(?P<det>{dx}|het|de){S})?(?P<season>{season}){E}{of_year}",
        ),
        # het zomerreces, het kerstreces van 2024
        (
            "recess",
            rf"{B}(?:(?P<det>{dx}|het|de){S})?(?P<name>{recesses}){E}(?:{S}(?:van{S})?(?P<year>{YEAR}))?",
        ),
        # het schooljaar 2024-2025, schooljaar 2024/25, het komende schooljaar
        (
            "school_year",
            rf"{B}(?:(?:het|de){S})?(?:(?P<det>{dx}){S})?(?P<w>{school}){E}"
            rf"(?:{S}(?P<y1>{YEAR4}){S}?[{DASH}/]{S}?(?P<y2>(?:19|20)?\d\d)(?![{DASH}\w/]|[.,]\d))?",
        ),
        # de eerste week van maart, de laatste week van juni 2025
        (
            "month_week",
            rf"{B}(?:de{S})?(?P<ord>{ordinal}){S}week{S}van{S}(?P<mon>{month}){E}{of_year}",
        ),
        # Prinsjesdag, de Voorjaarsnota, de begrotingsbehandeling
        ("event", rf"{B}(?P<name>{events}){E}(?:{S}(?P<year>{YEAR}))?"),
        # volgend jaar, deze maand, eind van het jaar, begin volgende week
        (
            "relative",
            rf"{B}(?:(?P<part>{part}){S})?(?P<dx>{dx}|het|de){S}(?P<unit>jaar|kalenderjaar|maand|week|kwartaal|halfjaar){E}",
        ),
        (
            "day_word",
            rf"{B}(?P<w>vandaag|vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|morgen"
            rf"|overmorgen|gisterenavond|gisteravond|gisterenmiddag|gisterochtend|gisteren"
            rf"|eergisteren){E}",
        ),
        (
            "weekday",
            rf"{B}(?:(?P<dx>aanstaande|komende|volgende|afgelopen|vorige){S}(?P<wd>{weekday})"
            rf"|(?P<wd2>{weekday}){S}(?P<sfx>{sfx})){E}",
        ),
        # binnen zes weken, de komende drie jaar, over twee weken, gedurende een jaar
        (
            "duration",
            rf"{B}(?P<cue>binnen|over|gedurende|(?:voor{S})?een{S}periode{S}van|(?:voor{S})?de{S}duur{S}van"
            rf"|de{S}komende|de{S}eerstkomende|de{S}eerstvolgende|het{S}komende|de{S}afgelopen"
            rf"|het{S}afgelopen|de{S}laatste|de{S}achterliggende){S}(?:(?P<n>{num}){S})?(?P<unit>{unit}){E}"
            rf"(?P<lang>{S}lang{E})?",
        ),
        ("duration_lang", rf"{B}(?P<n>{num}){S}(?P<unit>{unit}){S}lang{E}"),
        ("vague", rf"{B}(?P<phrase>{vague})(?![\w])"),
        ("set", rf"{B}(?P<phrase>{sets}){E}"),
        (
            "set_freq",
            rf"{B}(?P<f>{freq}){S}(?:per|in{S}het|in{S}de|elk|ieder|elke|iedere){S}(?P<unit>jaar|maand|week|kwartaal|dag){E}",
        ),
    ]
    priority = {"vague": 0, "set": 0, "duration": 1, "relative": 2}
    return tuple(
        Pattern(name, re.compile(regex, re.IGNORECASE), priority.get(name, 5))
        for name, regex in specs
    )


def modifier_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches a modifier phrase that ends right before a core (searched in the text before it)."""
    return re.compile(rf"(?<![\w/])(?P<mod>{alt(phrases)}){S}\Z", re.IGNORECASE)


def words_regex(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alt(words)}(?!\w)", re.IGNORECASE)
