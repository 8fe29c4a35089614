"""People in a release, with titles and affiliations."""

from __future__ import annotations

import bisect
import re

from analysis.curation.ingest.gazetteer import Gazetteer, words_of
from analysis.curation.ingest.text import Span
from analysis.curation.names import normalise

#: capitalised words that are titles or institutions, not names of people
NOT_NAME = frozenset("""
Ambassador Assistant Advisor Adviser Agency Against Airport Analyst Beings Border Bureau Cabinet Centre Center Chief Children
Command Commander Commissioner Committee Coordination Coordinator Council Crime Crimes Criminal Deployment Deputy Desk
Department Directorate Director Division Embassy Emerging Europe European General Government Head Human Illegal Intelligence
Interior International Justice Manager Migration Minister Ministry Mission National Network Officer Office Operations
Organized Organised People Police Presidency President Project Prime Programme Regional Representative Republic Secretariat
Secretary Security Senior Services Smuggling Specialized Specialised State Sub-Directorate Technology Tools Trafficking Unit
Vice Visit Western Balkans The This These That Mr Mrs Ms Dr Prof During After Before On In At With For And Of Union Member
Participants Participant Asylum Refugees Initiative Affairs Foreign Forum Conference Workshop Training Meeting Delegation
Convention Process Agreement Memorandum Protocol Action Plan Task Force Working Group Border-Police Cooperation Capacity
Bank Team Teams Officers Parties Persons Mechanisms Points Countries States Members Representatives Local Liaison
""".split())  # noqa: SIM905  (a word list reads better as text)
_NAME = r"[A-ZČĆŠŽĐÅÄÖÜ][a-zčćšžđàáâãäåçèéêëìíîïñòóôõöùúûüýÿ'’-]+"
NAME_RE = re.compile(rf"\b({_NAME}(?:\s+{_NAME}){{1,5}})\b")
TITLE_RUN = re.compile(
    r"((?:[A-Z][\w&/.-]*|of|for|and|the|to|in|on|&|/|,)(?:[ ,]+(?:[A-Z][\w&/.-]*|of|for|and|the|to|in|on|&|/))*)\s*$")



#: words that make a phrase a role or title (a title without one is more likely a thing)
ROLE_WORDS = frozenset("""
ambassador adviser advisor analyst assistant chair chairman chairperson chief coordinator commander commissioner consul counsellor
delegate deputy director directorate desk department division expert head inspector liaison manager minister officer
president prime representative secretary specialist unit m.a m.a. phd
""".split())  # noqa: SIM905
HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|H\.E)\.?\s+)+")
_CONNECTORS = frozenset(["of", "for", "the", "to", "in", "on", "and", "&", "at"])
_FROM_UNIT = re.compile(r"\s+from\s+(?:the\s+)?((?:[A-Z][\w&/.-]*)(?:\s+(?:[A-Z][\w&/.-]*|of|for|and|&))*)")


def _has_name(phrase: str, g: Gazetteer) -> bool:
    """Does the phrase contain what looks like a person's name?"""
    not_name = NOT_NAME | g.place_words
    for m in NAME_RE.finditer(phrase):
        tokens = [t for t in m.group(1).split() if t not in not_name]
        if len(tokens) >= 2 and not any(p.fullmatch(" ".join(tokens)) for p, _, _ in g.orgs):
            return True
    return False


def _is_title(phrase: str) -> bool:
    return any(w.strip(",.").lower() in ROLE_WORDS for w in phrase.split())


def _suffix_title(after: str, g: Gazetteer) -> tuple[str, int]:
    """The title written after a name (", Deployment Officer already ...", ", assistant minister of security."),
    and where it ends. One comma-separated segment, plus a second one that names an organisation
    ("Programme Manager, ICMPD Vienna")."""
    m = re.match(r"\s*,\s*([^,;:()]+?)(?=[,;:()]|\.(?=\s+[A-Z]|\s*$)|$)", after)
    if not m or _has_name(m.group(1), g):
        return "", 0  # a segment naming someone else is that person's title ("A, Director, Assistant Minister B")
    words = m.group(1).split()
    lower_title = bool(words) and words[0].lower() in ROLE_WORDS and words[0][:1].islower()
    kept = []
    for w in words:
        if w[:1].isupper() or w.lower() in _CONNECTORS or w.lower() in ROLE_WORDS or (lower_title and w.isalpha()):
            kept.append(w)
        else:
            break
    while kept and kept[-1].lower() in _CONNECTORS:
        kept.pop()
    title = " ".join(kept)
    if not _is_title(title):
        return "", 0
    end = m.start(1) + len(title)
    if len(kept) == len(words):
        nxt = re.match(r"\s*,\s*([A-Z][^,;:()]*?)(?=[,;:()]|\.(?=\s+[A-Z]|\s*$)|$)", after[m.end():])
        if nxt and not _is_title(nxt.group(1)) and not _has_name(nxt.group(1), g) and any(p.search(nxt.group(1)) for p, _, _ in g.orgs):
            title = f"{title}, {nxt.group(1).strip()}"
            end = m.end() + nxt.end()
    return title, end


def _people(text: str, g: Gazetteer, orgs: list[dict], sentences: list[tuple[int, int, str]]) -> list[dict]:
    org_at = sorted((a, h["id"]) for h in orgs for a, _ in h["spans"])
    org_positions = [a for a, _ in org_at]
    not_name = NOT_NAME | g.place_words
    people: dict[str, dict] = {}
    for line, offset, sentence in sentences:
        done_upto = 0  # the previous person's name and title end here: the next title starts after it
        for m in NAME_RE.finditer(sentence):
            tokens = m.group(1).split()
            # trim title and place words off either end ("Ambassador Tamara Mugosa", "Herzegovina Ulrike Hartmann")
            while tokens and tokens[0] in not_name:
                tokens.pop(0)
            while tokens and tokens[-1] in not_name:
                tokens.pop()
            if len(tokens) < 2 or len(tokens) > 3 or any(t in not_name for t in tokens):
                continue
            name = " ".join(tokens)
            local_start = m.start(1) + m.group(1).index(tokens[0])
            start = offset + local_start
            before = sentence[done_upto:local_start]
            after = sentence[local_start + len(name):]
            honorific = bool(re.search(r"\b(?:Mr|Mrs|Ms|Dr|Prof|H\.E)\.?\s*$", before))
            title = ""
            t = TITLE_RUN.search(HONORIFIC.sub("", before.rstrip(", ")) if not honorific else re.sub(
                r"\b(?:Mr|Mrs|Ms|Dr|Prof|H\.E)\.?\s*$", "", before).rstrip(", "))
            if t:
                cand = re.sub(r"^(?:(?:and|with|the|of|for|by|in|on|,)\s*)+", "", t.group(1).strip(" ,"))
                if cand and _is_title(cand):
                    title = cand
            suffix, suffix_end = _suffix_title(after, g)
            if suffix:
                title = f"{title}, {suffix}".strip(", ") if title else suffix
            else:
                m_after = _FROM_UNIT.match(after)
                if m_after:
                    suffix = m_after.group(1).strip(" ,")
                    title = f"{title}, {suffix}".strip(", ") if title else suffix
                    suffix_end = m_after.end()
            title = title.rstrip(" .,;:")
            done_upto = local_start + len(name) + suffix_end
            key = normalise(name)
            if key in people:
                continue  # named again: the first mention (with its title) is kept
            affiliation = None
            k = bisect.bisect_left(org_positions, start)
            if k:
                oid_pos, oid = org_at[k - 1]
                affiliation = oid
                # "X's Director met with <name>": the person is X's counterpart, the other main party
                main = [h["id"] for h in orgs[:2]]
                if re.search(r"\bwith\b", text[oid_pos:start]) and oid in main and len(main) == 2:
                    affiliation = main[1 - main.index(oid)]
            if title and any(p.search(title) for p, _, _ in g.countries):
                affiliation = None  # "Austrian Ambassador", "Minister of Security of BiH": a national body, not the nearest organisation named
            affiliation, title = _affiliation_in_title(title, g, affiliation)
            if not (title or honorific or key in g.people):
                continue  # capitalised words without a title are more often things ("Contracting Parties") than people
            person = {"name": name, "title": title or None, "organisation": affiliation,
                      "evidence": str(Span(line, sentence[max(0, local_start - 60):local_start + len(name) + 50].strip()))}
            if key in g.people:
                person["known_as"] = g.people[key]
            people[key] = person
    return list(people.values())


def _affiliation_in_title(title: str, g: Gazetteer, fallback: str | None) -> tuple[str | None, str]:
    """An organisation named in a title is the affiliation; it is recorded apart from the role
    ('MARRI Project Manager ...' -> MARRI, 'Project Manager ...'; 'M.A. of DCAF Ljubljana' -> DCAF Ljubljana, 'M.A.')."""
    best = None
    present = words_of(title)
    for pattern, oid, form in g.orgs:
        if not words_of(form) <= present:
            continue
        m = pattern.search(title)
        if m and (best is None or (m.end() - m.start()) > (best[1].end() - best[1].start())):
            best = (oid, m)
    if best is None:
        return fallback, title
    oid, m = best
    if m.start() == 0:
        rest = title[m.end():].strip(" ,")
        # an acronym before a role is the employer ("MARRI Project Manager"); a name is part of the title
        return oid, rest if (m.group(0).isupper() and _is_title(rest)) else title
    head, tail = title[:m.start()], title[m.end():]
    if not tail.strip(" ,.") and re.search(r"\b(?:of|at|in)(?:\s+the)?\s*$", head):
        return oid, re.sub(r"\s*\b(?:of|at|in)(?:\s+the)?\s*$", "", head).strip(" ,")
    return oid, title
