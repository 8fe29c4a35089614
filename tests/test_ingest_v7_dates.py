"""ingest v7, dates: a month written in the background ("Srbija je dospela na listu u decembru 2009", "Akcijski plan
predstavljen u prosincu 2022") is not the event's date when it ends over two months before the page's date, or when the text
dates the event by a day of another month without a year ("16. svibnja")."""

from __future__ import annotations

from analysis.curation.ingest import extract


def _date(text: str):
    d = extract(text)
    return d.get("date_start"), d.get("date_end")


def test_a_month_long_before_the_page_date_is_background():
    text = ("Sporazum o readmisiji\n\nIzvor: B92, 30.03.2011, 10:25\n\nBeograd -- Ministri su potpisali sporazum o readmisiji.\n\n"
            "Na belu šengen listu Srbija je dospela u decembru 2009 godine.")
    assert _date(text) == (None, None)


def test_a_month_other_than_the_day_without_year_is_background():
    text = ("Europska unija i Crna Gora 16. svibnja su potpisale sporazum o suradnji s Frontexom.\n\n"
            "Sporazum je rezultat Akcijskog plana koji je Komisija predstavila u prosincu 2022.")
    assert _date(text) == (None, None)


def test_a_month_near_the_page_date_still_dates_the_event():
    text = "Izvor: B92, 30.03.2011, 10:25\n\nMinistri su se sastali u februaru 2011. godine u Beogradu da razgovaraju o readmisiji."
    assert _date(text)[0] == "2011-02"
