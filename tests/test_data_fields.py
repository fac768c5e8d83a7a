"""Field-level checks of the real catalogue against the sources, with the expected values typed in:
links and identifiers, a spot-check of the bibliography, short names, disagreements and results."""

from __future__ import annotations

from typing import Any

import pytest
from adgdm.data.catalogue import Catalogue

# Papers for which no source (survey tables, bibliography, READMEs, DMAD list, public listings
# consulted during the import) gives a DOI, an arXiv id, an OpenReview id or a landing page.
# They are bibliography-only entries; the data-quality page lists them for a maintainer to fill.
NO_IDENTIFIER_IN_ANY_SOURCE = {
    # TABLE 1 related surveys
    "chandrakala2023anomaly", "cook2020anomaly", "fernando2022deep", "jin2024survey", "liu2024generalized",
    "liu2025networking", "ma2023comprehensive", "pang2021deep", "ramachandra2022survey", "ulhassan2023anomaly",
    "zamanzadehdarban2025deep",
    # image: TABLE 2, TABLE 3 and the section-cited Kumar et al.
    "mao2023guided", "lu2023removing", "kumar2023self",
    # video: TABLES 4 and 5, and the motion-modelling methods cited in section 4.2.2
    "liu2023diversity", "lu2023learnable", "huang2023boosting", "lv2023unbiased", "zhou2023dual", "xu2025plovad",
    "chang2020clustering", "chang2022video", "cong2013video",
    # time series: TABLE 7
    "zong2018deep", "li2023prototype", "lai2023nominality", "feng2024sensitivehue",
    # tabular: TABLE 9, and the section-cited Mikuni and Nachman
    "shenkar2021anomaly", "li2023ecod", "cai2022perturbation", "dai2024autouad", "mikuni2024high",
    # multimodal: TABLE 10
    "chen2024counterfactual",
    # generation: TABLES 11 and 12
    "fang2024humanrefiner", "rai2024video", "zhang2023prototypical", "niu2020defect", "lin2021few", "duan2023few",
}


def has_identifier(paper: Any) -> bool:
    return bool(paper.doi or paper.arxiv or paper.openreview or paper.url)


def test_every_paper_has_a_link_unless_no_source_gives_one(catalogue: Catalogue) -> None:
    # The set only shrinks as records are checked against their primary pages; an added paper always has one.
    missing = {paper.id for paper in catalogue.papers if not has_identifier(paper)}
    assert missing <= NO_IDENTIFIER_IN_ANY_SOURCE
    assert not [paper.id for paper in catalogue.papers if not paper.listed_by and not has_identifier(paper)]
    for paper in catalogue.papers:
        assert paper.title and paper.authors and paper.year and paper.venue, paper.id


# Bibliography entries typed in by hand: (authors, year, venue, volume, number, pages, doi).
# DOIs come from the DMAD list's links where the bibliography has none.
BIBLIOGRAPHY = {
    "pinaya2022fast": (["Pinaya, W. H. L.", "Graham, M. S.", "Gray, R.", "da Costa, P. F.", "Tudosiu, P.-D.", "Wright, P.",
                        "Mah, Y. H.", "MacKinnon, A. D.", "Teo, J. T.", "Jager, R.", "Werring, D.", "Rees, G.", "Nachev, P.",
                        "Ourselin, S.", "Cardoso, M. J."], 2022, "MICCAI", "", "", "705--714", "10.1007/978-3-031-16452-1_67"),
    "li2023fast": (["Li, J.", "Cao, H.", "Wang, J.", "Liu, F.", "Dou, Q.", "Chen, G.", "Heng, P.-A."], 2023, "MICCAI", "14224", "",
                   "579--589", "10.1007/978-3-031-43904-9_56"),
    "bercea2024diffusion": (["Bercea, C. I.", "Wiestler, B.", "Rueckert, D.", "Schnabel, J. A."], 2024, "MICCAI", "15011", "",
                            "211--220", "10.1007/978-3-031-72120-5_20"),
    "liang2024modality": (["Liang, Z.", "Anthony, H.", "Wagner, F.", "Kamnitsas, K."], 2024, "MICCAI", "", "", "168--181",
                          "10.1007/978-3-031-47425-5_16"),
    "navalmarimont2024ensembled": (["Naval Marimont, S.", "Siomos, V.", "Baugh, M.", "Tzelepis, C.", "Kainz, B.", "Tarroni, G."],
                                   2024, "MICCAI", "", "", "243--253", "10.1007/978-3-031-72120-5_23"),
    "zamanzadehdarban2025deep": (["Zamanzadeh Darban, Z.", "Webb, G. I.", "Pan, S.", "Aggarwal, C.", "Salehi, M."], 2025,
                                 "ACM CSUR", "57", "1", "1--42", ""),
    # The bibliography prints "A. V. D. Hengel"; the catalogue writes the family name out (see the paper's notes).
    "pang2021deep": (["Pang, G.", "Shen, C.", "Cao, L.", "van den Hengel, A."], 2021, "ACM CSUR", "54", "2", "38:1--38:38", ""),
    "liu2024generalized": (["Liu, Y.", "Yang, D.", "Wang, Y.", "Liu, J.", "Liu, J.", "Boukerche, A.", "Sun, P.", "Song, L."], 2024,
                           "ACM CSUR", "56", "7", "189:1--189:38", ""),
    "sivaroopan2024netdiffus": (["Sivaroopan, N.", "Bandara, D.", "Madarasingha, C.", "Jourjon, G.", "Jayasumana, A.",
                                 "Thilakarathna, K."], 2024, "COMNET", "251", "", "110616", ""),
    "wang2023drift": (["Wang, C.", "Zhuang, Z.", "Qi, Q.", "Wang, J.", "Wang, X.", "Sun, H.", "Liao, J."], 2023, "NeurIPS", "36", "",
                      "10758--10774", ""),
    "sui2024anomaly": (["Sui, J.", "Yu, J.", "Song, Y.", "Zhang, J."], 2024, "IEEE Sensors J.", "24", "10", "16429--16439", ""),
    "awasthi2024anomaly": (["Awasthi, A.", "Ly, S. T.", "Nizam, J.", "Mehta, V.", "Ahmad, S.", "Nemani, R.", "Prasad, S.",
                            "Van Nguyen, H."], 2024, "IEEE MMSP", "", "", "1--6", ""),
    "flaborea2023multimodal": (["Flaborea, A.", "Collorone, L.", "D'Amely Di Melendugno, G. M.", "D'Arrigo, S.", "Prenkaj, B.",
                                "Galasso, F."], 2023, "ICCV", "", "", "10284--10295", ""),
    "chiang2000fault": (["Chiang, L. H.", "Russell, E. L.", "Braatz, R. D."], 2000, "Book", "", "", "", "10.1007/978-1-4471-0347-9"),
    # Printed "pp. 01–06" in the bibliography.
    "mishra2021vt": (["Mishra, P.", "Verk, R.", "Fornasier, D.", "Piciarelli, C.", "Foresti, G. L."], 2021, "ISIE", "", "", "1--6", ""),
    "goh2017dataset": (["Goh, J.", "Adepu, S.", "Junejo, K. N.", "Mathur, A."], 2017, "CRITIS", "", "", "88--99",
                       "10.1007/978-3-319-71368-7_8"),
    "hundman2018detecting": (["Hundman, K.", "Constantinou, V.", "Laporte, C.", "Colwell, I.", "Soderstrom, T."], 2018, "KDD", "", "",
                             "387--395", "10.1145/3219819.3219845"),
    "yao2025glad": (["Yao, H.", "Liu, M.", "Yin, Z.", "Yan, Z.", "Hong, X.", "Zuo, W."], 2025, "ECCV", "", "", "1--17",
                    "10.1007/978-3-031-73209-6_1"),
    "han2024diffusion": (["Han, J.", "Feng, S.", "Zhou, M.", "Zhang, X.", "Ong, Y. S.", "Li, X."], 2024, "ECML PKDD", "14943", "",
                         "284--300", "10.1007/978-3-031-70352-2_17"),
    "zuo2024unsupervised": (["Zuo, H.", "Zhu, A.", "Zhu, Y.", "Liao, Y.", "Li, S.", "Chen, Y."], 2024, "APIN", "54", "19", "8968--8981",
                            "10.1007/s10489-024-05341-0"),
    "xiao2023imputation": (["Xiao, C.", "Gou, Z.", "Tai, W.", "Zhang, K.", "Zhou, F."], 2023, "KDD", "", "", "2742--2751",
                           "10.1145/3580305.3599391"),
    "cohen2021sub": (["Cohen, N.", "Hoshen, Y."], 2021, "arXiv", "", "", "", ""),
    "capogrosso2024exploiting": (["Capogrosso, L.", "Vivenza, A.", "Chiarini, A.", "Setti, F.", "Cristani, M."], 2024, "Ital-IA",
                                 "3762", "", "230--235", ""),
    "li2025prototype": (["Li, S.", "Lu, Y.", "Jiu, S.", "Huang, H.", "Yang, G.", "Yu, J."], 2025, "IPM", "62", "1", "103877", ""),
    # The bibliography initialises the first word of "Naval Marimont" in these two entries ("S. N. Marimont")
    # but writes it out in [80]; the catalogue files the compound family name the same way everywhere.
    "baugh2025image": (["Baugh, M.", "Reynaud, H.", "Naval Marimont, S.", "Cechnicka, S.", "Müller, J. P.", "Tarroni, G.",
                        "Kainz, B."], 2025, "MLMI", "15167", "", "117--127", "10.1007/978-3-031-73158-7_11"),
    "marimont2024disyre": (["Naval Marimont, S.", "Baugh, M.", "Siomos, V.", "Tzelepis, C.", "Kainz, B.", "Tarroni, G."], 2024,
                           "arXiv", "", "", "", ""),
    # "in Pattern Recognit." is the proceedings volume of the ICPR workshops, not the journal Pattern Recognition.
    "defard2021padim": (["Defard, T.", "Setkov, A.", "Loesch, A.", "Audigier, R."], 2021, "ICPRW", "", "", "475--489",
                        "10.1007/978-3-030-68799-1_35"),
    # The bibliography lower-cases "Mcguinness" and "O'connor"; the catalogue restores the casing.
    "rai2024video": (["Rai, A. K.", "Krishna, T.", "Hu, F.", "Drimbarean, A.", "McGuinness, K.", "Smeaton, A. F.", "O'Connor, N. E."],
                     2024, "CVPR", "", "", "3887--3899", ""),
}


@pytest.mark.parametrize("paper_id", sorted(BIBLIOGRAPHY))
def test_a_spot_check_of_papers_matches_the_bibliography(catalogue: Catalogue, paper_id: str) -> None:
    """The record keeps the bibliography's values, or says where the version of record differs.

    Checking against primary pages may write initials out ("Wyatt, J." becomes "Wyatt, Julian") and fill
    fields the bibliography leaves empty; any other change is recorded as a disagreement.
    """
    paper = catalogue.paper(paper_id)
    authors, *fields = BIBLIOGRAPHY[paper_id]
    disputed = {d.field for d in paper.disagreements}
    got = [a.sort_key for a in paper.authors]
    if "authors" not in disputed:
        assert len(got) == len(authors), paper_id
        for name, printed in zip(got, authors, strict=True):
            family, _, given = printed.partition(", ")
            # The IEEE-style bibliography capitalises particles ("Di"); the record keeps the author's "di".
            assert name.lower().startswith(f"{family}, {given[:1]}".lower()) or name == printed, (paper_id, name, printed)
    for field, printed in zip(("year", "venue", "volume", "number", "pages", "doi"), fields, strict=True):
        if field not in disputed and printed != "":
            assert getattr(paper, field) == printed, (paper_id, field)


def test_the_spot_check_is_large_enough() -> None:
    assert len(BIBLIOGRAPHY) >= 20


def test_proceedings_are_not_filed_as_journals(catalogue: Catalogue) -> None:
    # The bibliography's "in <proceedings>" marks a conference or workshop paper even when the volume's title
    # reads like a journal's ("in Pattern Recognit." for the ICPR workshops).
    padim = catalogue.paper("defard2021padim")
    assert catalogue.venues[padim.venue].kind == "workshop"
    assert catalogue.venues[padim.venue].name == "Pattern Recognition. ICPR International Workshops and Challenges"
    assert ("venue", "ICPR") in _disagreements(catalogue, padim.id)
    assert catalogue.venues[catalogue.paper("chang2022video").venue].kind == "journal"   # Pattern Recognit., vol. 122


def test_one_person_keeps_one_family_name_across_papers(catalogue: Catalogue) -> None:
    """An initialised compound family name ("Marimont, S. N.") must not sit beside its written-out form
    ("Naval Marimont, S."): the same person would appear twice in the author index."""
    authors = {a for paper in catalogue.papers for a in paper.authors}
    clashes = []
    for short in authors:
        for long in authors:
            extra = long.family.removesuffix(" " + short.family)
            if long is short or extra == long.family or not short.given:
                continue
            initials = extra.split()
            if short.given.startswith(long.given.split()[0]) and all(f"{w[0].upper()}." in short.given.split() for w in initials):
                clashes.append((short.sort_key, long.sort_key))
    assert clashes == []


def test_short_names_follow_the_tables_and_the_dmad_markup(catalogue: Catalogue) -> None:
    names = {paper.id: paper.short_name for paper in catalogue.papers}
    assert names["bercea2024diffusion"] == "THOR"          # "THOR [76]" in TABLE 2
    assert names["tebbe2024dynamic"] == ""                 # "Tebbe et al. [25]" in TABLE 3
    assert names["dai2025unsupervised"] == "DNN"           # "Dai et al." in TABLE 8, "DNN" in TABLE 9
    assert names["wyatt2022anoddpm"] == "AnoDDPM"          # only in the DMAD list: <u>AnoDDPM</u>
    assert names["han2024diffusion"] == "NGLS-Diff"        # the list prints a ligature (NGLS-Diﬀ)
    assert names["liu2025anomaly"] == "ADGDM"


def _disagreements(catalogue: Catalogue, paper_id: str) -> set[tuple[str, str]]:
    return {(d.field, d.value) for d in catalogue.paper(paper_id).disagreements}


def test_source_disagreements_are_recorded_beside_the_bibliography_value(catalogue: Catalogue) -> None:
    mmccd = catalogue.paper("liang2024modality")
    # Filed under the MMMI workshop once checked; the surveys' MICCAI and MICCAIW stay as disagreements.
    assert mmccd.venue == "MMMI" and ("venue", "MICCAIW") in _disagreements(catalogue, mmccd.id)
    netdiffus = catalogue.paper("sivaroopan2024netdiffus")
    assert (netdiffus.year, netdiffus.venue) == (2024, "COMNET")
    assert {("year", "2023"), ("venue", "arXiv")} <= _disagreements(catalogue, netdiffus.id)
    glad = catalogue.paper("yao2025glad")
    assert ("year", "2024") in _disagreements(catalogue, glad.id)
    assert ("short_name", "Dif-fuse") in _disagreements(catalogue, "fontanella2024diffusion")
    assert ("venue", "CVPRW") in _disagreements(catalogue, "tebbe2024dynamic")
    assert ("year", "1993") in _disagreements(catalogue, "chiang2000fault")
    sources = {d.source for d in mmccd.disagreements if d.field == "venue" and d.value == "MICCAIW"}
    assert sources == {"ADGDM survey PDF, TABLE 2"}


def test_attributes_and_placements_follow_the_tables(catalogue: Catalogue) -> None:
    thor = catalogue.paper("bercea2024diffusion")
    assert thor.attribute("imaging_domain") == "Brain MRI, Wrist X-rays"
    assert thor.placement("adgdm").sections == ("3.3.1", "3.3.2", "3.3.3")  # type: ignore[union-attr]
    assert thor.placement("dmad").sections == ("image",)  # type: ignore[union-attr]
    video_ldm = catalogue.paper("blattmann2023align")
    assert video_ldm.attribute("video_paradigm") == "S, M"
    assert video_ldm.taxonomy == ("vad-sequence-level", "vad-motion-modeling")
    assert catalogue.paper("wang2023drift").attribute("ts_paradigm") == "Decompo. and recon."
    survey = catalogue.paper("cook2020anomaly")
    assert (survey.attribute("main_focus"), survey.attribute("domain_scope")) == ("Time series AD in IoT", "specific")
    assert dict(survey.coverage)["iad"] == "not-applicable" and dict(survey.coverage)["tsad"] == "full"
    assert catalogue.paper("liu2023diversity").uses_diffusion is False     # DM ✗ in TABLE 4
    assert catalogue.paper("xiao2023imputation").taxonomy == ("reconstruction-based", "hybrid", "tsad-imputation")


def test_results_keep_the_printed_cells(catalogue: Catalogue) -> None:
    def cells(paper_id: str, benchmark: str) -> dict[str, tuple[float | None, float | None, str]]:
        return {r.column: (r.value, r.spread, r.text) for r in catalogue.paper(paper_id).results if r.benchmark == benchmark}

    tabular = cells("qiu2021neural", "tabular-47-datasets")
    assert tabular == {"auc": (71.45, 22.6, ""), "mean-rank": (9.16, None, ""), "p-value": (0, None, "")}
    glad = cells("yao2025glad", "image-visa-btad")
    assert glad == {"visa-i-auroc-1": (99.5, None, ""), "visa-i-auroc-2": (98.6, None, ""),
                    "btad-pro-1": (None, None, ""), "btad-pro-2": (None, None, "")}
    assert cells("deng2022anomaly", "image-visa-btad")["visa-i-auroc-1"] == (96.0, None, "96.0")
    anomaly_transformer = cells("xu2021anomaly", "time-series-swat-wadi-msl-smd")
    assert anomaly_transformer["smd-p"] == (None, None, "") and anomaly_transformer["smd-f1"] == (2.12, None, "")
    # The source prints identical TranAD and PUAD rows; the catalogue keeps both as printed.
    assert cells("tuli2022tranad", "time-series-swat-wadi-msl-smd") == cells("li2023prototype", "time-series-swat-wadi-msl-smd")
    assert catalogue.paper("tuli2022tranad").datasets == ("swat", "wadi", "msl", "smd")


def test_identifiers_and_verification_sources_are_well_formed_and_unique(catalogue: Catalogue) -> None:
    import re
    from collections import Counter
    doi = re.compile(r"10\.\d{4,9}/\S+")
    arxiv = re.compile(r"(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})")
    for paper in catalogue.papers:
        assert not paper.doi or doi.fullmatch(paper.doi), (paper.id, paper.doi)
        assert not paper.arxiv or arxiv.fullmatch(paper.arxiv), (paper.id, paper.arxiv)
        assert paper.verified is not None, paper.id
        for _group, urls in paper.verified.sources:
            assert all(re.fullmatch(r"https?://[^\s/]+\.[^\s]+", url) for url in urls), (paper.id, urls)
    for name in ("doi", "arxiv", "openreview"):
        values = Counter(str(getattr(p, name)).lower() for p in catalogue.papers if getattr(p, name))
        assert [value for value, n in values.items() if n > 1] == [], name
