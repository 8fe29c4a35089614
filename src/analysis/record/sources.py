"""Who publishes the pages the record is curated from."""

from __future__ import annotations

from analysis.record.coverage import domain

#: Publisher names for the sites the record draws on; other sites are named by their host.
PUBLISHERS = {
    "marri-rc.org.mk": "MARRI Regional Centre",
    "dcaf-ljubljana.si": "DCAF Ljubljana",
    "pccseesecretariat.si": "PCC SEE Secretariat",
    "iom.int": "IOM",
    "bih.iom.int": "IOM Bosnia and Herzegovina",
    "albania.iom.int": "IOM Albania",
    "serbia.iom.int": "IOM Serbia",
    "northmacedonia.iom.int": "IOM North Macedonia",
    "montenegro.iom.int": "IOM Montenegro",
    "kosovo.iom.int": "IOM Kosovo",
    "hwi.ba": "Hilfswerk International",
    "wb-iisg.com": "IISG Support Group",
    "gov.me": "Government of Montenegro",
    "me.usembassy.gov": "US Embassy in Montenegro",
    "europa.ba": "EU Delegation to Bosnia and Herzegovina",
    "msb.gov.ba": "Ministry of Security of Bosnia and Herzegovina",
    "mup.gov.hr": "Ministry of the Interior of Croatia",
    "cei.int": "Central European Initiative",
    "rcc.int": "Regional Cooperation Council",
    "frontex.europa.eu": "Frontex",
    "osce.org": "OSCE",
    "icmpd.org": "ICMPD",
    "interpol.int": "INTERPOL",
    "unhcr.org": "UNHCR",
    "srbija.gov.rs": "Government of Serbia",
    "vlada.gov.hr": "Government of Croatia",
}


def publisher(url: str) -> str:
    """Publisher of a page, from its site.

    >>> publisher("https://bih.iom.int/news/x")
    'IOM Bosnia and Herzegovina'
    >>> publisher("https://www.example.org/a")
    'example.org'
    """
    host = domain(url)
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = PUBLISHERS.get(".".join(parts[i:]))
        if name:
            return name
    return host
