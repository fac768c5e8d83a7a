"""Related papers: the expected neighbours and reasons on the fixture catalogue, the same answer
whatever the input order, and a bounded number of candidates however big a node grows."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from adgdm.data.catalogue import Catalogue, load_catalogue
from adgdm.data.models import Author, Paper, TaxonomyNode, Venue
from adgdm.site.compose import make_context
from adgdm.site.context import Context
from adgdm.site.pages.related import FAN_OUT, related_papers, related_section, shared_groups

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def ctx() -> Context:
    return make_context(load_catalogue(FIXTURES / "browse"))


def summary(ctx: Context, paper_id: str) -> list[tuple[str, int, tuple[str, ...]]]:
    return [(r.paper.id, r.score, r.reasons) for r in related_papers(ctx, ctx.catalogue.paper(paper_id))]


def test_related_papers_and_their_reasons(ctx: Context) -> None:
    assert summary(ctx, "abel2021first") == [
        ("abel2021second", 4, ("shared author: Ann Abel", "same branch: Reconstruction-based", "same modality: Image")),
        ("wu2024survey", 3, ("shared author: Ann Abel", "same modality: Image")),
        ("odegaard2023frames", 2, ("shared author: Zoe Zed",)),
        ("zed2023motion", 2, ("shared author: Zoe Zed",)),
        ("roe2020older", 1, ("same modality: Image",)),
    ]
    assert summary(ctx, "odegaard2023frames") == [
        ("zed2023motion", 3, ("shared author: Zoe Zed", "same modality: Video")),
        ("abel2021first", 2, ("shared author: Zoe Zed",)),
        ("wu2024survey", 1, ("same modality: Video",)),
    ]


def test_the_section_names_each_paper_once_with_its_reasons(ctx: Context) -> None:
    section = related_section(ctx, ctx.catalogue.paper("odegaard2023frames"))
    assert section == (
        "## Related papers {#related}\n"
        '\n<div class="adgdm-block">\n<ul class="adgdm-related">'
        '<li><a href="../../papers/zed2023motion/">Zed 2023: Motion Without a Node</a> (FWS 2023)'
        '<br><span class="adgdm-why">shared author: Zoe Zed; same modality: Video</span></li>'
        '<li><a href="../../papers/abel2021first/">FIRST: First Fixture Method for X-Ray Anomalies</a> (FCONF 2021)'
        '<br><span class="adgdm-why">shared author: Zoe Zed</span></li>'
        '<li><a href="../../papers/wu2024survey/">FSURV: The Fixture Survey</a> (arXiv 2024)'
        '<br><span class="adgdm-why">same modality: Video</span></li></ul>\n</div>\n\n'
    )


def test_the_same_answer_whatever_the_order_of_the_papers(ctx: Context) -> None:
    shuffled = dataclasses.replace(ctx.catalogue, papers=tuple(reversed(ctx.catalogue.papers)))
    other = make_context(shuffled)
    for paper in ctx.catalogue.papers:
        assert summary(other, paper.id) == summary(ctx, paper.id)


def _crowded_catalogue(size: int) -> Catalogue:
    """`size` papers on one node, one modality and one shared author: a worst case for fan-out."""
    taxonomy = {node.id: node for node in (
        TaxonomyNode("methodology", "Methodology", "Axis."),
        TaxonomyNode("hybrid", "Hybrid", "Node.", parent="methodology"),
        TaxonomyNode("modality", "Modality", "Axis."),
        TaxonomyNode("image", "Image", "Node.", parent="modality"),
        TaxonomyNode("task", "Task", "Axis."),
        TaxonomyNode("detection", "Detection", "Node.", parent="task"),
    )}
    papers = tuple(
        Paper(id=f"p{index:05d}", title=f"Paper {index}", authors=(Author("Same", "A."), Author(f"Solo{index}", "B.")),
              year=2000 + index % 25, venue="V", modality=("image",), task="detection", uses_diffusion=True,
              added=datetime.date(2025, 1, 1), taxonomy=("hybrid",))
        for index in range(size)
    )
    return Catalogue(papers, {"V": Venue("V", "Venue", "conference")}, taxonomy, {}, {}, {})


def test_a_crowded_node_costs_a_bounded_number_of_candidates() -> None:
    ctx = make_context(_crowded_catalogue(3000))
    paper = ctx.catalogue.papers[1500]
    candidates = shared_groups(ctx, paper)
    # Three crowded groups (node, shared author, modality), each contributing at most 2 * FAN_OUT neighbours.
    assert 0 < len(candidates) <= 3 * 2 * FAN_OUT
    related = related_papers(ctx, paper)
    assert len(related) == 5
    assert all(r.reasons == ("same node: Hybrid", "shared author: A. Same", "same modality: Image") for r in related)
    assert all(r.paper.year == paper.year for r in related)  # neighbours are taken by year
