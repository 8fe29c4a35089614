"""The co-participation network: ties count shared events, filters and orderings hold, the
figure names actors without overlapping labels."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis.reports import figures, network
from analysis.reports.select import select


@pytest.fixture(scope="module")
def rec():
    return analysis.load()


def _events_of(rec, table, key, value):
    links = rec.tables[table]
    return set(links.event_id[links[key].astype(str) == value])


def test_a_tie_counts_the_events_both_actors_took_part_in(rec):
    g = network.graph(select(rec, period="2010-2020"))
    sel = select(rec, period="2010-2020")
    ids = set(sel.events.event_id)
    rs = _events_of(rec, "event_countries", "country_code", "RS") & ids
    marri = _events_of(rec, "event_organisations", "org_id", "marri") & ids
    iom = _events_of(rec, "event_organisations", "org_id", "iom") & ids
    assert len(rs & marri) > 5
    assert g.edges["country:RS", "org:marri"]["weight"] == len(rs & marri)
    assert g.edges["org:iom", "org:marri"]["weight"] == len(iom & marri)
    assert g.nodes["org:marri"]["events"] == len(marri)
    assert g.nodes["country:XK"]["label"] == "Kosovo*"


def test_min_events_and_kinds_filter_the_nodes(rec):
    sel = select(rec, period="2018")
    full = network.graph(sel)
    some = network.graph(sel, min_events=3)
    assert set(some.nodes) < set(full.nodes)
    assert all(d["events"] >= 3 for _, d in some.nodes(data=True))
    assert {d["events"] for _, d in full.nodes(data=True)} >= {1, 2}
    only_countries = network.graph(sel, kinds=("countries",))
    assert only_countries.number_of_nodes() > 0
    assert all(n.startswith("country:") for n in only_countries.nodes)


def _exact(g: nx.Graph) -> dict[str, float]:
    """Betweenness in rational arithmetic (networkx on Fraction distances): shortest paths of equal
    length tie exactly, which float sums (1/3 + 1/3 + 1/3 against 1) do not always do."""
    from fractions import Fraction

    h = g.copy()
    for _, _, d in h.edges(data=True):
        d["exact"] = Fraction(1, d["weight"])
    return {k: float(v) for k, v in nx.betweenness_centrality(h, weight="exact", normalized=True).items()}


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 14).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.integers(1, 6)), max_size=40))))
def test_betweenness_is_the_exact_betweenness(case):
    """igraph's betweenness, normalised as networkx does, is the exact one on any graph
    (disconnected, isolated nodes, several shortest paths whose lengths tie only in exact arithmetic)."""
    n, edges = case
    g = nx.Graph()
    g.add_nodes_from(f"n{i}" for i in range(n))
    for a, b, w in edges:
        if a != b:
            g.add_edge(f"n{a}", f"n{b}", weight=w, distance=1 / w)
    got = network.betweenness(g)
    assert got.keys() == set(g.nodes)
    assert got == pytest.approx(_exact(g), abs=1e-9)


def test_betweenness_of_the_record_is_exact(rec):
    """On the record's 2018 network; networkx's own float run misses some ties there (by up to 0.0002)."""
    g = network.graph(select(rec, period="2018"))
    assert g.number_of_nodes() > 50
    exact = _exact(g)
    assert max(exact.values()) > 0.05
    assert network.betweenness(g) == pytest.approx(exact, abs=1e-9)


def test_centrality_puts_the_broker_first():
    g = nx.Graph()
    for n, label in (("a", "A"), ("b", "B"), ("c", "C"), ("hub", "Hub")):
        g.add_node(n, label=label, type="organisation", events=2)
    for leaf in ("a", "b", "c"):
        g.add_edge("hub", leaf, weight=1, distance=1.0)
    table = network.centrality(g)
    assert table.actor.iloc[0] == "Hub"
    assert table.betweenness.iloc[0] == 1.0 and (table.betweenness.iloc[1:] == 0).all()
    assert table.partners.iloc[0] == 3
    assert table.actor_id.iloc[0] == "hub"  # the CSV joins back by id


def test_neighbourhood_lists_partners_strongest_first(rec):
    g = network.graph(select(rec))
    near = network.neighbourhood(g, "org:interpol")
    assert len(near) > 3
    assert near["shared events"].is_monotonic_decreasing
    assert near["shared events"].iloc[0] == max(d["weight"] for d in g["org:interpol"].values())
    assert network.neighbourhood(g, "org:no-such").empty


def test_communities_are_reproducible_and_cover_the_graph(rec):
    g = network.graph(select(rec, period="2015-2019"), min_events=2)
    first, second = network.community_of(g), network.community_of(g)
    assert first == second
    assert set(first) == set(g.nodes)
    table = network.communities(g)
    assert len(table) >= 2 and table.community.is_unique
    assert table.actors.sum() <= g.number_of_nodes()


def test_period_comparison_counts_newcomers(rec):
    table = network.compare_periods(rec, ["2010-2012", "2013-2015"], min_events=1)
    assert list(table.period) == ["2010-2012", "2013-2015"]
    g1 = network.graph(select(rec, period="2010-2012"))
    g2 = network.graph(select(rec, period="2013-2015"))
    labels = lambda g: {d["label"] for _, d in g.nodes(data=True)}  # noqa: E731
    assert pd.isna(table["new actors"].iloc[0])
    assert table["new actors"].iloc[1] == len(labels(g2) - labels(g1))
    assert table.events.iloc[1] == len(select(rec, period="2013-2015").events)


def test_the_network_figure_names_actors_without_overlap(rec):
    g = network.graph(select(rec, period="2016-2020"), min_events=3)
    fig = figures.network(g, network.community_of(g), "test")
    assert fig is not None
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    shown = [t for t in fig.axes[0].texts if t.get_visible()]
    assert len(shown) >= 10
    boxes = [t.get_window_extent(renderer) for t in shown]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_an_empty_selection_draws_nothing(rec):
    g = network.graph(select(rec, period="1990"))
    assert g.number_of_nodes() == 0
    assert figures.network(g, {}, "none") is None
    assert network.centrality(g).empty and network.communities(g).empty
