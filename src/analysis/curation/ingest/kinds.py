"""Stage 4a, kind: what sort of activity a release reports (meeting, training, signing, a police operation ...), from the
words of its title and opening sentences."""

from __future__ import annotations

import re

from analysis.curation.ingest.matching import fold
from analysis.curation.ingest.text import Sentence

KIND_WORDS = [
    ("study-visit", r"study visit|studijsk\w* (?:posjet|poset|putovanj)|studisk\w* poset|vizit\w* studimor"),
    ("training", r"training|course|\bobuk\w*|\bobuc\w*|\bтренинг|\btrening\w*|\bkurs(?!n)\w*|\btrajnim\w*"),
    ("workshop", r"workshop|radionic\w*|rabotilnic\w*|punetori\w*"),
    # a press conference is how an event is reported, not the event ("At a press conference following talks ...")
    ("conference", r"(?<!press )(?<!news )(?<!pres )(?<!press-)(?<!pres-)(?<!\bpress)(?<!\bpres)"
                   r"(?:conferences?|konferencij\w*|konferenc\w*)\b(?! (?:za (?:medij|novinar|stamp)|p[eë]r shtyp|za mediumi))"),
    ("seminar", r"seminar"), ("forum", r"\bforum\w*"),
    ("exercise", r"exercise|joint operation|joint patrol\w*|\bvjezb\w*|\bvezb\w*|\b(?:zajednick|zaednick|mjesovit|mesovit)\w* patrol\w*|"
                 r"\bpatrull\w* (?:te )?perbashket\w*|\b(?:deployed|sent)\b[^.]{0,60}\bto patrol\b"),
    ("signing", r"\bsign(?:ed|ing)\b|memorandum|protocol|potpis\w*|potpish\w*|nenshkr\w*"),
    ("launch", r"\blaunch(?:ed|ing|es)?\b|opening ceremony|\bpromocij\w*|\blansira\w*|\blansim\w*|"
               r"\bpokrenu\w* (?:\w+ ){0,3}?(?:projek|kampanj|inicijativ|platform|portal|aplikacij|program|sajt|servis|kancelarij)\w*|"
               r"\bkampanj\w* (?:je |su )?(?:pokrenut|zapocet|zapoce)\w*|\bhapj\w* e (?:fushat|zyr|qend)\w*|"
               r"\bopening of (?:the |a |an )?(?:new )?(?:office|cent(?:re|er))\b|\bwill open\b|"
               r"\b(?:otvaranj|otvoren|otvori|otvara)\w* (?:\w+ ){0,2}?(?:kancelarij|centr|ured|punkt)\w*|"
               r"\b(?:space|centre|center|office|shelter|facility)\b[^.]{0,50}\bopened\b|\bcel\w* (?:\w+ ){0,3}?qend\w*|"
               r"\bopen(?:ed|ing|s)? (?:of )?(?:the |a |new )*(?:\w+ ){0,2}?(?:border (?:crossing|point)|crossing point)|"
               r"\bbeg(?:an|un|ins?) (?:\w+ ){0,3}?(?:deployment|joint operation|operations|mission)\b|\blane?su\w* (?:\w+ ){0,2}?fushat\w*|"
               r"\b(?:border (?:crossing|point)|crossing point)\b[^.]{0,40}\b(?:was |is )?(?:opened|inaugurated)\b|"
               r"\b(?:otvaranj|otvoren|otvori|otvara)\w* (?:\w+ ){0,2}?granicn\w* (?:prelaz|prijelaz)\w*|"
               r"\bhap\w* (?:\w+ ){0,2}?(?:e )?pik\w* (?:se |te |e )?(?:kalimit|kufit)\w*|"
               r"\b(?:presented|predstavi\w*|predstavlj\w*|prezantu\w*|pretstavi\w*|promovi\w*|prezentacij\w*|presentation of) "
               r"(?:\w+ ){0,3}?(?:the |a |new |novi \w+ )?"
               r"(?:handbook|manual|guide|guidelines|portal|platform|application|app|prirucni\w*|vodic\w*|smjernic\w*|smernic\w*|"
               r"aplikacij\w*|doracak\w*|udhezues\w*|udhezim\w*|priracnik\w*|vodic\w*|projek\w*)\b"),
    ("other", r"hand(?:ed|s|ing)?[- ]?over\b|turned over|handover|primopredaj\w*|donation ceremony|dorezim\w*|\bdonat(?:es|ed|ion|ing)\b|"
              r"\bgift(?:s|ed)\b|\bbestow(?:s|ed)\b|"
              r"\bdonir\w*|\bdonacij\w*|\bprimopreda\w*|\buruc\w*|\bpredal[aio]?\b|\bdhuro\w*|\bdhuru\w*|\bdhurat\w*|\bdonira\w*|\bceremony\b|"
              r"\bceremonij\w*|"
              # a police operation is reported by its arrests ("29 arrested", "uhapšeno", "u arrestuan"): neither a meeting nor
              # an exercise
              r"\barrest(?:ed|s)\b|\bdetained\b|\buhapsen\w*|\buhapsi\w*|\blisen\w* slobode|\barresto\w*|\barrestu\w*|\barrestim\w*|"
              r"\buapsen\w*|\buapsi\w*|\bdismantl\w*|\bjoint action days?\b|\baction days?\b|"
              # aid handed out to migrants is a handover too ("distributed 150 humanitarian packages", "podijeljeno je 60 paketa")
              r"\bdistribut\w* (?:\w+ ){0,3}?(?:packages?|parcels?|aid|food|blankets)\b|\bhumanitarian (?:packages?|parcels?)\b|"
              r"\b(?:podijel|podel|podjel|raspodijel|raspodel)\w* (?:\w+ ){0,3}?(?:paket|pomoc)\w*|\bshperndar\w* (?:\w+ ){0,3}?pako\w*"),
    ("meeting", r"meeting|met with|talks|visit|\bsastan\w*|\bsostan\w*|\bsastal\w*|\bsastaj\w*|\btakim\w*|\bposjet\w*|\bposet\w*|\bsredb\w*"),
]


def kind_of(text: str, sentences: list[Sentence]) -> tuple[str, str]:
    """The kind named first in the title and opening sentences (on a tie, the more specific kind); when they name none,
    a kind that names the event itself further down: a launch, a handover or donation, a study visit, a conference ("... the
    keys of five vehicles were handed over", "The two-day conference ..."); a training or a signing further down is as often
    another event's. The opening is the page's prose, not its clutter; a visit to learn how the hosts work is a study visit."""
    prose = _prose(sentences)
    for part, kinds in ((prose[:3], None), (prose[3:], ("launch", "other", "study-visit", "conference"))):
        head = fold(" ".join(s.text for s in part))
        best = None
        for rank, (kind, pattern) in enumerate(KIND_WORDS):
            if kinds and kind not in kinds:
                continue
            m = next((m for m in re.finditer(pattern, head) if not _in_a_name(head, m)), None)
            if m and (best is None or (m.start(), rank) < best[0]):
                best = ((m.start(), rank), kind, m.group(0))
        if best and best[1] == "meeting" and re.fullmatch(r"visit\w*|posjet\w*|poset\w*", best[2]) and \
                (study := re.search(KIND_WORDS[0][1], head) or _FAMILIAR.search(fold(" ".join(s.text for s in sentences)))):
            return "study-visit", study.group(0)  # "visited ..., the first study visit", "... to get familiar with the work of"
        if best:
            return best[1], best[2]
    operation = _OPERATION.search(fold(" ".join(s.text for s in prose[:4])))
    if operation:  # no kind word: a police operation reported by what it found ("plani operativ", "пронајдени", "притвор")
        return "other", operation.group(0)
    return "meeting", ""


#: a police operation in the opening sentences of a release that names no kind (folded: Cyrillic reads as Latin): an
#: operational plan or action, migrants found, identified or intercepted, a contingent sent, detention or criminal charges
_OPERATION = re.compile(r"\bplan\w* (?:e |i |te )?operativ\w*|\boperativn\w* plan\w*|\baksion\w*|"
                        r"\bzatec\w*|\bzatek\w*|\bpronaden\w*|\bpronadj\w*|\bpronajd\w*|\bpronasl\w*|\bfound \d+|\bintercept\w*|"
                        r"\bapprehend\w*|\bsprijeci\w*|\bspreci\w*|\bkontingent\w*|"
                        r"\bidentifik\w* (?:\w+ ){0,2}?(?:migrant|emigrant|shtetas|te huaj)\w*|\bpritvor\w*|"
                        r"\bkrivicn\w* prijav\w*|\bkallzim\w* penal\w*|\bndalu\w*|\bfatur\w*|"
                        r"\bsmuggl\w* (?:group|ring|network)")


#: a visit to learn how the hosts work is a study visit: "to get familiar with the work", "da se upoznaju sa radom"
_FAMILIAR = re.compile(r"\b(?:get|getting|become|becoming|got) (?:\w+ )?(?:familiar|acquainted) with (?:the )?(?:work|procedures|practice)|"
                       r"\bfamiliari[sz]\w* (?:themselves |them |\w+ )?with (?:the )?(?:work|procedures|practice)|"
                       r"\bupozna\w* (?:se )?(?:sa|s|с|со) (?:radom|radu|nacinom rada|praks\w*|rabot\w*)|\bzapozna\w* (?:se )?so rabot\w*|"
                       r"\bnjih\w* me pun\w*")


def _prose(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that say something: not the page's clutter ("Skip to main content", "News -", "Izvor: B92, 30.Mar.2011")
    nor a title repeated; a line of fewer than four words is clutter."""
    out, seen = [], set()
    for s in sentences:
        words = re.findall(r"(?<!\S)[^\W\d_]{2,}[,.:;!?]?(?!\S)", s.text)
        if len(words) >= 4 and s.text.strip() not in seen:
            out.append(s)
        seen.add(s.text.strip())
    return out or sentences


def _in_a_name(head: str, m: re.Match) -> bool:
    """Is the kind word part of a body's name ("Working Group on Education and Training", "Training Centre")?"""
    return bool(re.search(r"\b(?:online|onlajn|e-learning|elektronsk\w*|on-line) $", head[:m.start()])  # a course as a product
                or re.match(r"\s+(?:centre|center|academy|institute|unit|department|programme|program|network|centar\w*|centr\w*|akademij)",
                         head[m.end():])  # "trening centru", "Training Centre"
                or re.search(r"\b(?:centre|center|centar\w*|centr\w*|akademij\w*|academy|institute|institut\w*) (?:for|of|za|na) $",
                             head[:m.start()])  # "Centre for Training", "Центарот за обука"
                or re.search(r"\beducation (?:and|i|dhe) $", head[:m.start()])  # a field ("police education and training")
                or re.search(r"\b(?:group|committee|commission|council|board|panel) (?:on|for)\b[^.,;]{0,40}$", head[:m.start()]))
