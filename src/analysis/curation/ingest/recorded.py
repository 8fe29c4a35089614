"""Stage 5c, the record's memory: for a person the record knows and the page names without a body ("Vulin said ...",
"Minister Toškovski"), the body the record links them to in its rows nearest in time to the event. The rows the page is
itself a source of are left out, so a `review` compares a row with the rest of the record, never with itself."""

from __future__ import annotations

import datetime as dt

from analysis.curation.ingest.gazetteer import Gazetteer, url_key

#: how far from the event a row of the record may be and still say whom a person worked for (people change posts)
NEAR_DAYS = 730


def recorded_body(g: Gazetteer, person_id: str | None, when: str | None, url: str | None) -> tuple[str, str] | None:
    """(org_id, the row it comes from and that row's date) of the body the record gives this person in its rows nearest to
    ``when`` (an ISO date) within :data:`NEAR_DAYS`; with no date, the one body all its rows give them. None when the
    record does not know the person, gives no body, or its bodies for them are too far in time or disagree."""
    if not person_id:
        return None
    own = set(g.event_urls.get(url_key(url), ())) if url else set()
    rows = [(d, o, e) for d, o, e in g.person_orgs.get(person_id, ()) if e not in own and o in g.org_names]
    if not rows:
        return None
    day = _day(when)
    if day is None:
        bodies = {o for _, o, _ in rows}
        if len(bodies) != 1:
            return None
        d, o, e = max(rows)
        return o, f"{e}{f' ({d})' if d else ''}"
    dated = sorted((abs((x - day).days), d, o, e) for d, o, e in rows if (x := _day(d)) is not None)
    if not dated or dated[0][0] > NEAR_DAYS:
        return None
    nearest = [r for r in dated if r[0] == dated[0][0]]
    if len({o for _, _, o, _ in nearest}) != 1:
        return None  # two bodies on the same day (a minister who also chairs a body): the page must say which
    _, d, o, e = nearest[0]
    return o, f"{e} ({d})"


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
