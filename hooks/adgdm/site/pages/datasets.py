"""Dataset pages: one per benchmark dataset (its facts, the paper that introduced it with its BibTeX,
its leaderboards and the papers evaluated on it), and an index of all datasets."""

from __future__ import annotations

from ...data.models import Dataset, Paper
from ...data.text import strip_braces
from ...data.urls import benchmark_page, dataset_page, datasets_index, href, node_page, paper_page
from ...data.vocabulary.taxonomy import MODALITY_AXIS
from ..bibtex_entries import paper_bibtex
from ..context import Context
from ..generated_site import GeneratedSite
from ..leaderboards import evaluated_on
from ..markup import Column, block, esc, external_link, front_matter, heading, html_table, link
from ..memo import once_per
from .benchmarks import leaderboards
from .crumbs import breadcrumbs
from .tables import count_text, paper_table

DATASETS_SOURCE = "papers/vocabulary/datasets.yaml"
KINDS = {"real": "Real", "synthetic": "Synthetic"}


def papers_by_dataset(ctx: Context) -> dict[str, tuple[Paper, ...]]:
    """Dataset id -> the papers evaluated on it, built once per site build."""
    return once_per(ctx.catalogue, "papers-by-dataset", lambda: evaluated_on(ctx.catalogue))


def produce(ctx: Context, site: GeneratedSite) -> None:
    """The dataset index and a page per dataset."""
    site.add_page(datasets_index(), render_index(ctx), DATASETS_SOURCE)
    for dataset in ctx.catalogue.datasets.values():
        site.add_page(dataset_page(dataset.id), render_dataset(ctx, dataset), DATASETS_SOURCE)


def ordered(ctx: Context) -> list[Dataset]:
    """By modality in taxonomy order, then year, then name: close to the survey's TABLE 13."""
    modalities = [node_id for node_id, node in ctx.catalogue.taxonomy.items() if node.parent == MODALITY_AXIS]
    rank = {node_id: index for index, node_id in enumerate(modalities)}
    return sorted(ctx.catalogue.datasets.values(),
                  key=lambda d: (rank.get(d.modality, len(rank)), d.year or 0, d.name.lower(), d.id))


def _modality(ctx: Context, page: str, dataset: Dataset) -> str:
    node = ctx.catalogue.taxonomy.get(dataset.modality)
    return link(href(page, node_page(dataset.modality)), node.label) if node else esc(dataset.modality)


def facts(ctx: Context, page: str, dataset: Dataset) -> list[tuple[str, str]]:
    """(label, safe HTML) for every fact the data gives about a dataset, in a fixed order."""
    given = [
        ("Task", esc(dataset.task)),
        ("Modality", _modality(ctx, page, dataset)),
        ("Real or synthetic", esc(KINDS.get(dataset.kind, dataset.kind))),
        ("Size (samples)", esc(dataset.samples)),
        ("Subjects or classes", esc(dataset.subjects)),
        ("Domain", esc(dataset.domain)),
        ("Year", esc(dataset.year or "")),
        ("Venue (as the survey lists it)", esc(dataset.venue)),
        ("Homepage", external_link(dataset.homepage, dataset.homepage) if dataset.homepage else ""),
        ("Listed in", esc(", ".join(dataset.sources))),
    ]
    return [(label, value) for label, value in given if value]


def render_dataset(ctx: Context, dataset: Dataset) -> str:
    page = dataset_page(dataset.id)
    catalogue = ctx.catalogue
    items = "".join(f"<dt>{esc(label)}</dt><dd>{value}</dd>" for label, value in facts(ctx, page, dataset))
    parts = [
        front_matter(dataset.name, f"The {dataset.name} dataset: facts, leaderboards and the papers evaluated on it"),
        heading(dataset.name),
        block(breadcrumbs(page, [("Datasets", datasets_index())], dataset.name)),
        block(f'<dl class="adgdm-facts">{items}</dl>'),
        "## Introduced by\n",
    ]
    if dataset.paper and catalogue.has_paper(dataset.paper):
        paper = catalogue.paper(dataset.paper)
        parts.append(block(f'<p class="adgdm-lead">{link(href(page, paper_page(paper.id)), strip_braces(paper.title))} '
                           f"({esc(paper.label)}, {esc(paper.venue)} {paper.year})</p>"))
        parts.append(f"```bibtex\n{paper_bibtex(ctx, paper)}```\n\n")
    else:
        parts.append(block("<p>The catalogue does not hold the paper that introduced this dataset yet.</p>"))
    boards = [b for b in leaderboards(ctx).values() if any(c.dataset == dataset.id for c in b.benchmark.columns)]
    if boards:
        entries = "".join(f"<li>{link(href(page, benchmark_page(b.benchmark.id)), b.benchmark.title)}</li>"
                          for b in boards)
        parts += ["## Leaderboards\n", block(f"<ul>{entries}</ul>")]
    papers = papers_by_dataset(ctx).get(dataset.id, ())
    parts.append(f"## Papers evaluated on it ({len(papers)}) {{#papers}}\n")
    listing = paper_table(ctx, page, papers) if papers else "<p>No paper of the catalogue reports results on it yet.</p>"
    parts.append(block(listing))
    return "".join(parts)


def render_index(ctx: Context) -> str:
    page = datasets_index()
    evaluated = papers_by_dataset(ctx)
    columns = [Column("Dataset"), Column("Task"), Column("Modality"), Column("Type"), Column("Samples"),
               Column("Subjects or classes"), Column("Domain"), Column("Year", numeric=True),
               Column("Papers", numeric=True)]
    rows = [
        [link(href(page, dataset_page(d.id)), d.name), esc(d.task), _modality(ctx, page, d),
         esc(KINDS.get(d.kind, d.kind)), esc(d.samples), esc(d.subjects), esc(d.domain), esc(d.year or ""),
         str(len(evaluated.get(d.id, ())))]
        for d in ordered(ctx)
    ]
    table = html_table(columns, rows, css="adgdm-sortable adgdm-datasets") if rows else "<p>No dataset yet.</p>"
    intro = ("<p>The benchmark datasets the surveys list, with the facts they give: task, real or synthetic data, "
             "size, subjects or classes, domain and homepage. Each page names the paper that introduced the dataset "
             f"and the catalogue papers evaluated on it. {count_text(len(rows), 'dataset')}.</p>")
    return (front_matter("Datasets", "Benchmark datasets for anomaly detection and generation")
            + heading("Datasets") + block(intro) + block(f'<div class="adgdm-scroll">{table}</div>'))
