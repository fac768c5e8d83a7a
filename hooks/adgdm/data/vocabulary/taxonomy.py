"""The taxonomy (taxonomy.yaml): a tree of nodes under the axes, of which `modality` and `task` are two."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..fields import NODE_PATTERN, text_field, text_list
from ..load_state import VOCABULARY_DIR, LoadState, unique
from ..models import TaxonomyNode
from ..problems import Problem
from ..spec import Spec
from ..urls import INDEX_SLUG, taxonomy_index, url_of

MODALITY_AXIS = "modality"
TASK_AXIS = "task"

TAXONOMY_NODE = Spec(
    "mapping",
    fields=(
        ("id", text_field("Node id.", required=True, pattern=NODE_PATTERN,
                          pattern_hint="a lower-case id like latent-space-reconstruction")),
        ("label", text_field("Display name.", required=True, max_length=100)),
        ("parent", text_field("Parent node id; absent for an axis.", pattern=NODE_PATTERN, pattern_hint="a node id")),
        ("description", text_field("What the node means, in the project's words.", required=True, max_length=1000, multiline=True)),
        ("survey", text_field("Which survey defines the node.", vocabulary="survey")),
        ("sections", text_list("ADGDM sections that discuss it.", text_field("a section", vocabulary="ADGDM section"))),
    ),
)


def load_taxonomy(state: LoadState) -> dict[str, TaxonomyNode]:
    """Every node, each with a known parent and no cycle; the modalities, tasks and other nodes become vocabularies."""
    nodes: dict[str, TaxonomyNode] = {}
    seen: dict[str, str] = {}
    for walker, key, entry in state.vocabulary_entries("taxonomy.yaml", TAXONOMY_NODE, keyed=False):
        if not unique(walker, f"{key}.id", entry["id"], seen, "node"):
            continue
        if entry["id"] == INDEX_SLUG:
            walker.report(f"{key}.id", f"'{INDEX_SLUG}' is reserved: {url_of(taxonomy_index())} is the taxonomy overview")
            continue
        nodes[entry["id"]] = TaxonomyNode(
            id=entry["id"], label=entry["label"], description=entry["description"], parent=entry.get("parent"),
            survey=entry.get("survey", ""), sections=tuple(entry.get("sections", ())),
        )
        state.places["node", entry["id"]] = (walker, key)
    for node in nodes.values():
        walker, key = state.places["node", node.id]
        if node.parent is not None and node.parent not in nodes:
            walker.report(f"{key}.parent", f"'{node.parent}' is not a node of the taxonomy")
        elif _has_cycle(node, nodes):
            walker.report(f"{key}.parent", "the parents of this node form a cycle")
    for axis in (MODALITY_AXIS, TASK_AXIS):
        if axis not in nodes:
            state.problems.append(Problem(f"{VOCABULARY_DIR}/taxonomy.yaml", 1, "id", f"the '{axis}' axis is missing"))
    for name, values in node_vocabularies(nodes.values()).items():
        state.vocabularies[name] = set(values)
    return nodes


def node_vocabularies(nodes: Iterable[TaxonomyNode]) -> dict[str, list[str]]:
    """The `modality`, `task` and `taxonomy node` vocabularies, in taxonomy order (an axis is in none of them)."""
    nodes = list(nodes)
    modalities = [n.id for n in nodes if n.parent == MODALITY_AXIS]
    tasks = [n.id for n in nodes if n.parent == TASK_AXIS]
    fixed = set(modalities) | set(tasks)
    others = [n.id for n in nodes if n.parent is not None and n.id not in fixed]
    return {"modality": modalities, "task": tasks, "taxonomy node": others}


def _has_cycle(node: TaxonomyNode, nodes: Mapping[str, TaxonomyNode]) -> bool:
    seen = {node.id}
    current = node
    while current.parent is not None and current.parent in nodes:
        if current.parent in seen:
            return True
        seen.add(current.parent)
        current = nodes[current.parent]
    return False
