"""The real catalogue covers both surveys: every table's rows, the DMAD list, the datasets, the
leaderboards and the taxonomy, with the counts the sources print (typed in here, never read from them)."""

from __future__ import annotations

import datetime
from collections import Counter

from adgdm.data.catalogue import Catalogue
from adgdm.data.index import build_index

# Rows per ADGDM table as the survey prints them. A paper carries a table once however many rows
# it has there: TABLE 13 prints 23 rows, but MSL and SMAP cite the same paper (Hundman et al.),
# so 22 papers carry table 13. TABLE 1's twelfth row ("Ours") is the ADGDM survey itself.
ADGDM_TABLE_PAPERS = {1: 12, 2: 17, 3: 8, 4: 18, 5: 8, 6: 16, 7: 8, 8: 10, 9: 7, 10: 5, 11: 12, 12: 7, 13: 22}

# The DMAD list: 82 distinct method papers (88 entries, some listed in two sections) and 23 dataset
# rows citing 22 papers (MSL and SMAP again); GLAD is both a method and the PCB-Bank paper.
DMAD_METHOD_PAPERS = 82
DMAD_DATASET_PAPERS = 22
DMAD_PAPERS = DMAD_METHOD_PAPERS + DMAD_DATASET_PAPERS - 1

# 137 papers in the ADGDM tables, 12 methods cited only in taxonomy sections, 9 more DMAD papers
# that the ADGDM bibliography cites elsewhere, 8 DMAD-only papers, and the two surveys.
TOTAL_PAPERS = 168  # papers from the surveys; those the site added since come on top
SITE_ADDITIONS = datetime.date(2026, 12, 3)

# The leaderboards and the row count of the table each one reproduces.
BENCHMARK_ROWS = {"image-visa-btad": (3, 8), "video-ped2-avenue-shanghaitech": (5, 8),
                  "time-series-swat-wadi-msl-smd": (7, 8), "tabular-47-datasets": (9, 7), "generation-mvtec-ad": (12, 7)}

# The ADGDM sections whose text classifies methods: the scoring and conditioning axes (2.2, 2.3)
# and each modality's "Taxonomy and Advances" subsection.
TAXONOMY_SECTIONS = {"2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "3.3.1", "3.3.2", "3.3.3", "4.2.1", "4.2.2", "4.2.3",
                     "5.2", "6.1.1", "7.2", "8.2"}


def test_each_adgdm_table_is_carried_by_as_many_papers_as_it_has_rows(catalogue: Catalogue) -> None:
    carried = Counter(table for paper in catalogue.papers if (p := paper.placement("adgdm")) for table in p.tables)
    assert dict(sorted(carried.items())) == ADGDM_TABLE_PAPERS


def test_the_dmad_list_is_complete(catalogue: Catalogue) -> None:
    listed = [paper for paper in catalogue.papers if paper.placement("dmad")]
    sections = [set(p.placement("dmad").sections) for p in listed]  # type: ignore[union-attr]
    assert sum(bool(s - {"datasets"}) for s in sections) == DMAD_METHOD_PAPERS
    assert sum("datasets" in s for s in sections) == DMAD_DATASET_PAPERS
    assert len(listed) == DMAD_PAPERS


def test_the_catalogue_has_every_paper_once(catalogue: Catalogue) -> None:
    assert sum(1 for paper in catalogue.papers if paper.added < SITE_ADDITIONS) == TOTAL_PAPERS
    refs = [p.ref for paper in catalogue.papers if (p := paper.placement("adgdm")) and p.ref is not None]
    assert len(refs) == len(set(refs))
    # Bibliography entries 23 and 47 are the same GLAD paper: one entry, numbered 47.
    assert 23 not in refs
    glad = catalogue.paper("yao2025glad")
    assert glad.placement("adgdm").ref == 47  # type: ignore[union-attr]
    # 22 and 25 look like two versions of one work; the survey cites both, so both stay.
    assert {catalogue.paper("tebbe2023d3ad").placement("adgdm").ref,  # type: ignore[union-attr]
            catalogue.paper("tebbe2024dynamic").placement("adgdm").ref} == {22, 25}  # type: ignore[union-attr]


def test_each_leaderboard_has_the_rows_of_its_table_and_every_cell(catalogue: Catalogue) -> None:
    for benchmark_id, (table, rows) in BENCHMARK_ROWS.items():
        benchmark = catalogue.benchmarks[benchmark_id]
        assert benchmark.table == table
        columns = {column.id for column in benchmark.columns}
        reporting = [paper for paper in catalogue.papers if any(r.benchmark == benchmark_id for r in paper.results)]
        assert len(reporting) == rows, benchmark_id
        for paper in reporting:
            assert {r.column for r in paper.results if r.benchmark == benchmark_id} == columns, paper.id
            assert table in paper.placement("adgdm").tables  # type: ignore[union-attr]


def test_multi_value_cells_are_split_into_named_columns(catalogue: Catalogue) -> None:
    table3 = catalogue.benchmarks["image-visa-btad"]
    assert [c.label for c in table3.columns] == ["VisA (I-AUROC), first value", "VisA (I-AUROC), second value",
                                                  "BTAD (PRO), first value", "BTAD (PRO), second value"]
    second = table3.columns[1]
    assert second.higher_is_better is None and "whose meaning the survey does not state" in second.note
    table7 = catalogue.benchmarks["time-series-swat-wadi-msl-smd"]
    assert [c.id for c in table7.columns][:4] == ["swat-p", "swat-r", "swat-f1", "swat-f1-pa"]
    assert len(table7.columns) == 16
    assert any("TranAD and PUAD" in note for note in table7.notes)
    rank = next(c for c in catalogue.benchmarks["tabular-47-datasets"].columns if c.id == "mean-rank")
    assert rank.higher_is_better is False


def test_every_node_of_a_taxonomy_section_has_papers(catalogue: Catalogue) -> None:
    index = build_index(catalogue)
    nodes = [node for node in catalogue.taxonomy.values() if set(node.sections) & TAXONOMY_SECTIONS]
    # 5 scoring/conditioning nodes and 32 modality and generation nodes (8 image, 4 video, 3 time-series,
    # 5 tabular, 8 multimodal, 4 generation), grouping nodes included.
    assert len(nodes) == 37
    assert [node.id for node in nodes if not index.by_node.get(node.id)] == []
    # Each modality's own sub-taxonomy hangs below the modality (generation below its task node).
    roots = {index.ancestors(node.id)[1].id for node in nodes if node.survey == "adgdm" and len(index.ancestors(node.id)) > 1}
    assert roots == {"image", "video", "time-series", "tabular", "multimodal", "generation"}


def test_datasets_cover_both_dataset_tables(catalogue: Catalogue) -> None:
    assert sorted(catalogue.datasets) == [
        "adbench", "batchbenchmark", "brats", "btad", "coin", "crosstask", "cuhk-avenue", "ksdd2", "mpdd", "msl",
        "mvtec-3d-ad", "mvtec-ad", "mvtec-loco", "pcb-bank", "psm", "shanghaitech", "smap", "smd", "swat", "tabular-47",
        "tep", "ubnormal", "ucf-crime", "ucsd-ped2", "visa", "wadi",
    ]
    in_table13 = [d for d in catalogue.datasets.values() if any(s.startswith("ADGDM TABLE 13") for s in d.sources)]
    in_dmad = [d for d in catalogue.datasets.values() if any(s.startswith("DMAD dataset table") for s in d.sources)]
    assert (len(in_table13), len(in_dmad)) == (23, 23)
    assert all(catalogue.has_paper(d.paper) for d in catalogue.datasets.values() if d.paper)
    mvtec = catalogue.datasets["mvtec-ad"]
    assert (mvtec.samples, mvtec.subjects, mvtec.kind, mvtec.paper, mvtec.year) == ("5,354", "15", "real", "bergmann2019mvtec", 2019)
    assert catalogue.datasets["ubnormal"].kind == "synthetic"
    assert catalogue.datasets["psm"].paper == "hu2022varmae"
