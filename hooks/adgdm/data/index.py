"""Indices over a catalogue: papers by node, modality, task, venue, year and author, built once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from .catalogue import Catalogue
from .models import Paper, TaxonomyNode
from .vocabulary.taxonomy import MODALITY_AXIS, TASK_AXIS


@dataclass(frozen=True)
class Index:
    """Lookups the page renderers share. Every list of papers is in catalogue (id) order."""

    catalogue: Catalogue
    by_node: Mapping[str, tuple[Paper, ...]]
    by_venue: Mapping[str, tuple[Paper, ...]]
    by_year: Mapping[int, tuple[Paper, ...]]
    by_author: Mapping[str, tuple[Paper, ...]]
    children: Mapping[str, tuple[TaxonomyNode, ...]]

    def ancestors(self, node_id: str) -> list[TaxonomyNode]:
        """The node's parents from the axis down, not including the node itself."""
        taxonomy = self.catalogue.taxonomy
        chain: list[TaxonomyNode] = []
        parent = taxonomy[node_id].parent
        while parent is not None:
            chain.append(taxonomy[parent])
            parent = taxonomy[parent].parent
        return chain[::-1]

    def roots(self) -> list[TaxonomyNode]:
        return [node for node in self.catalogue.taxonomy.values() if node.parent is None]


def direct_nodes(paper: Paper) -> tuple[str, ...]:
    """The nodes a paper sits on: its modalities, its task, and its taxonomy terms."""
    return (*paper.modality, paper.task, *paper.nodes)


def build_index(catalogue: Catalogue) -> Index:
    taxonomy = catalogue.taxonomy
    children: dict[str, list[TaxonomyNode]] = defaultdict(list)
    for node in taxonomy.values():
        if node.parent is not None:
            children[node.parent].append(node)

    by_node: dict[str, list[Paper]] = defaultdict(list)
    by_venue: dict[str, list[Paper]] = defaultdict(list)
    by_year: dict[int, list[Paper]] = defaultdict(list)
    by_author: dict[str, list[Paper]] = defaultdict(list)
    for paper in catalogue.papers:
        placed: set[str] = set()
        for node_id in direct_nodes(paper):
            current: str | None = node_id
            while current is not None and current not in placed:
                placed.add(current)
                current = taxonomy[current].parent
        for node_id in placed:
            by_node[node_id].append(paper)
        by_venue[paper.venue].append(paper)
        by_year[paper.year].append(paper)
        for author in paper.authors:
            by_author[author.sort_key].append(paper)

    assert MODALITY_AXIS in taxonomy and TASK_AXIS in taxonomy
    return Index(
        catalogue=catalogue,
        by_node={key: tuple(value) for key, value in by_node.items()},
        by_venue={key: tuple(value) for key, value in by_venue.items()},
        by_year={key: tuple(value) for key, value in by_year.items()},
        by_author={key: tuple(value) for key, value in by_author.items()},
        children={key: tuple(value) for key, value in children.items()},
    )
