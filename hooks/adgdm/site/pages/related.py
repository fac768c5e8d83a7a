"""Related papers on each paper page: the papers closest to it by shared taxonomy nodes, authors
and modality, each with the reasons shown.

Near-linear in the number of papers: papers are grouped once per node, author and modality
(each group sorted by year), and a paper only looks at the FAN_OUT papers on either side of
it in each of its groups, so a node holding thousands of papers costs no more than a small one.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

from ...data.models import Paper
from ...data.text import strip_braces
from ...data.urls import href, paper_page
from ..context import Context
from ..markup import block, esc, link
from ..memo import once_per

FAN_OUT = 12
"""Neighbours (by year) taken on each side of a paper in every group it belongs to."""
LIMIT = 5
"""Related papers shown per paper."""

# How much each kind of shared group weighs, and how the reason reads.
SAME_NODE, SAME_BRANCH, SHARED_AUTHOR, SAME_MODALITY = (3, "same node"), (1, "same branch"), \
    (2, "shared author"), (1, "same modality")

Group = tuple[str, str]
"""(kind, key): ('node', a taxonomy node id), ('author', a sort key) or ('modality', a node id)."""


@dataclass(frozen=True)
class Groups:
    members: dict[Group, tuple[Paper, ...]]
    """Each group's papers, by year then key."""
    position: dict[tuple[Group, str], int]
    """(group, paper id) -> the paper's place in the group's list."""


@dataclass(frozen=True)
class Related:
    paper: Paper
    score: int
    reasons: tuple[str, ...]


def _nodes_of(ctx: Context, paper: Paper) -> list[str]:
    """The paper's taxonomy terms and the nodes above them (axes excluded): its 'node' groups."""
    nodes = list(paper.nodes)
    for node_id in paper.nodes:
        nodes.extend(a.id for a in ctx.index.ancestors(node_id)[1:] if a.id not in nodes)
    return nodes


def _groups_of(ctx: Context, paper: Paper) -> list[Group]:
    return [*(("node", n) for n in _nodes_of(ctx, paper)), *(("author", a.sort_key) for a in paper.authors),
            *(("modality", m) for m in paper.modality)]


def _build_groups(ctx: Context) -> Groups:
    lists: dict[Group, list[Paper]] = defaultdict(list)
    for paper in ctx.catalogue.papers:
        for group in _groups_of(ctx, paper):
            lists[group].append(paper)
    members = {group: tuple(sorted(papers, key=lambda p: (p.year, p.id))) for group, papers in lists.items()}
    position = {(group, paper.id): index for group, papers in members.items() for index, paper in enumerate(papers)}
    return Groups(members, position)


def shared_groups(ctx: Context, paper: Paper) -> dict[str, tuple[Paper, list[Group]]]:
    """Candidate id -> (candidate, the groups it shares with `paper`), looking only at the
    FAN_OUT neighbours on either side of `paper` in each of its groups."""
    groups = once_per(ctx.index, "related-groups", lambda: _build_groups(ctx))
    shared: dict[str, tuple[Paper, list[Group]]] = {}
    for group in _groups_of(ctx, paper):
        members = groups.members[group]
        here = groups.position[group, paper.id]
        for other in members[max(0, here - FAN_OUT): here + FAN_OUT + 1]:
            if other.id != paper.id:
                entry = shared.get(other.id)  # not setdefault: it would build a tuple and a list per neighbour
                if entry is None:
                    shared[other.id] = (other, [group])
                else:
                    entry[1].append(group)
    return shared


def _kept(groups: list[Group], above: dict[str, frozenset[str]]) -> list[Group]:
    """The shared groups that count: a broader node both papers share counts only when they
    share no node below it, so one match is not counted twice."""
    nodes = [key for kind, key in groups if kind == "node"]
    if len(nodes) < 2:
        return groups
    covered = frozenset().union(*(above[node] for node in nodes))
    return [group for group in groups if group[0] != "node" or group[1] not in covered]


def _weighed(paper: Paper, other: Paper, group: Group) -> tuple[int, str]:
    """(weight, wording) of one shared group: a node both sit on directly is 'same node', a node
    above theirs is 'same branch'."""
    kind, key = group
    if kind == "node":
        return SAME_NODE if key in paper.nodes and key in other.nodes else SAME_BRANCH
    return SHARED_AUTHOR if kind == "author" else SAME_MODALITY


def _reason(ctx: Context, paper: Paper, group: Group, wording: str) -> str:
    kind, key = group
    if kind == "author":
        return f"{wording}: {next(a for a in paper.authors if a.sort_key == key).display}"
    return f"{wording}: {ctx.catalogue.taxonomy[key].label}"


def related_papers(ctx: Context, paper: Paper, limit: int = LIMIT) -> list[Related]:
    """The `limit` papers sharing most with `paper`: higher score first, then nearer year, then key."""
    above = once_per(ctx.index, "related-above",
                     lambda: {node: frozenset(a.id for a in ctx.index.ancestors(node)) for node in ctx.catalogue.taxonomy})
    scored = []
    for other, groups in shared_groups(ctx, paper).values():
        kept = _kept(groups, above)
        score = sum(_weighed(paper, other, group)[0] for group in kept)
        scored.append((-score, abs(other.year - paper.year), other.id, kept))
    found = []
    # Only the few shown need their reasons spelled out.
    for negative, _, other_id, kept in heapq.nsmallest(limit, scored):
        other = ctx.catalogue.paper(other_id)
        weighed = sorted(((*_weighed(paper, other, group), group) for group in kept), key=lambda item: -item[0])
        found.append(Related(other, -negative, tuple(_reason(ctx, paper, group, wording) for _, wording, group in weighed)))
    return found


def related_section(ctx: Context, paper: Paper) -> str:
    related = related_papers(ctx, paper)
    if not related:
        return ""
    page = paper_page(paper.id)
    items = "".join(
        f"<li>{link(href(page, paper_page(r.paper.id)), _name(r.paper))} ({esc(r.paper.venue)} {r.paper.year})"
        f'<br><span class="adgdm-why">{esc("; ".join(r.reasons))}</span></li>'
        for r in related
    )
    return "## Related papers {#related}\n" + block(f'<ul class="adgdm-related">{items}</ul>')


def _name(paper: Paper) -> str:
    """'THOR: Diffusion Models with ...', without repeating a label the title starts with."""
    title = strip_braces(paper.title)
    return title if title.startswith(paper.label) else f"{paper.label}: {title}"
