"""papers.ris as Zotero's RIS import reads it: every tag of every record lands in a field of the
item's type (nothing falls into the "no corresponding Zotero field" note), conference papers get
their proceedings, conference and date, and preprints become Zotero preprints.

The mapping is encoded from zotero/translators `RIS.js` (lastUpdated 2026-01-05 18:52:35; last
commit to the file c7551c1a4d5b of 2026-01-05, read at the repository's commit 2814370161d0 of
2026-06-26), for the tags the site writes: the TY map (`exportTypeMap`, read in reverse on import),
then `fieldMap` and, for tags it does not map for the type, `degenerateImportFieldMap`; `applyValue`
keeps a value only when the field is valid for the type (creators, notes and DOI always). Zotero
saves an item through `Zotero.Item#fromJSON`, which takes a "Type: <item type>" line of Extra as
the item's type (`Zotero.Utilities.Internal.extractExtraFields`); a report's institution and report
number then become the preprint's repository and archive ID, the fields they share a base field with.
"""

from __future__ import annotations

from pathlib import Path

from adgdm.data.catalogue import Catalogue
from adgdm.site.pages.downloads import ALL_RIS

TYPES = {"CONF": "conferencePaper", "JOUR": "journalArticle", "BOOK": "book", "RPRT": "report"}
# tag -> (field by item type, default field or ''), as RIS.js's two maps resolve them.
TAGS: dict[str, tuple[dict[str, str], str]] = {
    "ID": ({}, "__ignore"), "TI": ({}, "title"), "AU": ({}, "creators/author"),
    "T2": ({"conferencePaper": "conferenceName", "journalArticle": "publicationTitle", "book": "series",
            "report": "seriesTitle"}, ""),
    "C3": ({"conferencePaper": "proceedingsTitle"}, ""),
    "PY": ({}, "date"), "DA": ({}, "date"), "VL": ({}, "volume"), "IS": ({}, "issue"),
    "M1": ({"book": "seriesNumber", "journalArticle": "issue"}, "extra"), "M2": ({}, "extra"),
    "SP": ({"book": "numPages"}, "pages"), "EP": ({}, "pages"),
    "SN": ({"journalArticle": "ISSN", "report": "reportNumber"}, "ISBN"),
    "PB": ({"report": "institution"}, "publisher"),
    "DO": ({}, "DOI"), "UR": ({}, "url"), "N1": ({}, "notes"),
}
ALWAYS_KEPT = {"__ignore", "creators/author", "notes", "DOI"}
# The fields of Zotero's schema these records use, per item type.
VALID = {
    "conferencePaper": {"title", "date", "conferenceName", "proceedingsTitle", "volume", "pages", "publisher", "url", "extra"},
    "journalArticle": {"title", "date", "publicationTitle", "volume", "issue", "pages", "url", "extra"},
    "book": {"title", "date", "publisher", "volume", "numPages", "series", "url", "extra"},
    "report": {"title", "date", "institution", "reportNumber", "pages", "seriesTitle", "url", "extra"},
}
PREPRINT_FIELDS = {"institution": "repository", "reportNumber": "archiveID"}


def records(text: str) -> list[list[tuple[str, str]]]:
    found, current = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        tag, value = line[:2], line[6:]
        if tag == "ER":
            found.append(current)
            current = []
        else:
            current.append((tag, value))
    return found


def zotero_item(record: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The item Zotero saves: its type (after Extra), and each field's values."""
    item_type = TYPES[record[0][1]]
    item: dict[str, list[str]] = {}
    for tag, value in record[1:]:
        by_type, default = TAGS[tag]
        field = by_type.get(item_type, default)
        assert field in ALWAYS_KEPT or field in VALID[item_type], f"{tag} -> {field!r} is lost for a {item_type}"
        item.setdefault(field, []).append(value)
    if "Type: preprint" in item.get("extra", []):
        item_type = "preprint"
        item = {PREPRINT_FIELDS.get(field, field): values for field, values in item.items()}
        item["extra"].remove("Type: preprint")
    item["itemType"] = [item_type]
    return item


def test_zotero_reads_every_ris_record_into_fields_of_its_item_type(built_site: Path, catalogue: Catalogue) -> None:
    expected = {"conference": "conferencePaper", "workshop": "conferencePaper", "journal": "journalArticle", "book": "book",
                "preprint": "preprint"}
    items = [zotero_item(record) for record in records((built_site / ALL_RIS).read_text(encoding="utf-8"))]
    assert len(items) == len(catalogue.papers)
    for item, paper in zip(items, catalogue.papers, strict=True):
        venue = catalogue.venues[paper.venue]
        assert item["itemType"] == [expected[venue.kind]], paper.id
        assert item["date"][-1] == f"{paper.year}///" and item["title"], paper.id
        if venue.kind in ("conference", "workshop"):
            assert item["proceedingsTitle"] == item["conferenceName"] == [venue.name], paper.id
        if venue.kind == "preprint":
            assert item["repository"] == [venue.name], paper.id
            assert item.get("archiveID", []) == ([f"arXiv:{paper.arxiv}"] if paper.arxiv else []), paper.id
            assert item["extra"] == [], paper.id
