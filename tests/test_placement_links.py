"""'Where the surveys discuss it': each survey table links to the page that shows it."""

from __future__ import annotations

import re

from adgdm.data.catalogue import Catalogue
from adgdm.site.compose import make_context
from adgdm.site.pages.modality import MODALITY_VIEWS, render_modality
from adgdm.site.pages.placement import placement_section


def table_links(catalogue: Catalogue, paper_id: str) -> dict[str, str]:
    html = placement_section(make_context(catalogue), catalogue.paper(paper_id))
    return {label: target for target, label in re.findall(r'<a href="([^"]+)">(TABLE \d+)[^<]*</a>', html)}


def test_result_tables_link_to_their_leaderboards(catalogue: Catalogue) -> None:
    assert table_links(catalogue, "tuli2022tranad") == {
        "TABLE 7": "../../benchmarks/time-series-swat-wadi-msl-smd/",
    }


def test_method_tables_link_to_their_modality_page(catalogue: Catalogue) -> None:
    assert table_links(catalogue, "bercea2024diffusion") == {"TABLE 2": "../../modalities/image/"}


def test_the_survey_and_dataset_tables_link_to_their_pages(catalogue: Catalogue) -> None:
    assert table_links(catalogue, "cook2020anomaly") == {"TABLE 1": "../../related-surveys/"}
    assert table_links(catalogue, "bergmann2019mvtec")["TABLE 13"] == "../../datasets/"


def test_modality_pages_link_to_their_leaderboards(catalogue: Catalogue) -> None:
    ctx = make_context(catalogue)
    video = next(view for view in MODALITY_VIEWS if view.node == "video")
    assert ('<p>Reported results: <a href="../../benchmarks/video-ped2-avenue-shanghaitech/">'
            in render_modality(ctx, video))
