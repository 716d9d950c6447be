"""Graph analytics with networkx: who is central in the release-deal-role network,
which base models spawned the most derivatives and how deep lineages go, and
which communities the network falls into."""
from __future__ import annotations

import networkx as nx
from networkx.algorithms import community

from graph.export import graph_data, to_networkx
from graph.store import GraphStore

NETWORK_LABELS = {"Organization", "Person", "Release", "Deal", "Model"}
NETWORK_TYPES = {"RELEASED_BY", "HAS_PARTY", "HOLDS_ROLE", "PART_OF", "DEVELOPED_BY", "OF_MODEL"}
BETWEENNESS_SAMPLE = 400  # sampled sources keep betweenness fast on large graphs; seeded, so repeatable


def actor_network(graph: nx.MultiDiGraph) -> nx.Graph:
    """Organizations, people, releases, deals and models linked by who released,
    developed, joined, held a role or took part; undirected, one edge per pair."""
    keep = [n for n, d in graph.nodes(data=True) if d.get("label") in NETWORK_LABELS]
    net = nx.Graph()
    net.add_nodes_from((n, graph.nodes[n]) for n in keep)
    for a, b, data in graph.edges(data=True):
        if data.get("type") in NETWORK_TYPES and a in net and b in net:
            net.add_edge(a, b)
    return net


def centrality(net: nx.Graph, top: int = 15) -> dict[str, list[dict]]:
    k = min(BETWEENNESS_SAMPLE, len(net)) or None
    between = nx.betweenness_centrality(net, k=k, seed=7) if len(net) > 2 else {}
    degree = nx.degree_centrality(net) if len(net) > 1 else {}
    out = {}
    for label in ("Organization", "Person"):
        nodes = [n for n, d in net.nodes(data=True) if d.get("label") == label]
        ranked = sorted(nodes, key=lambda n: (-between.get(n, 0), -degree.get(n, 0), n))[:top]
        out[label] = [{"id": n, "name": net.nodes[n].get("name"), "betweenness": round(between.get(n, 0), 4),
                       "degree": net.degree(n)} for n in ranked]
    return out


def lineage(graph: nx.MultiDiGraph, top: int = 15) -> dict:
    """BASED_ON points from a derivative to its base: fan-out counts all descendants."""
    tree = nx.DiGraph((b, a) for a, b, d in graph.edges(data=True) if d.get("type") == "BASED_ON")
    if tree.number_of_nodes() == 0:
        return {"most_derived": [], "deepest": []}
    fan_out = {n: len(nx.descendants(tree, n)) for n in tree}
    depth = _depths(tree)
    name = lambda n: graph.nodes[n].get("name") if n in graph else n  # noqa: E731
    return {
        "most_derived": [{"id": n, "name": name(n), "descendants": c, "direct": tree.out_degree(n)}
                         for n, c in sorted(fan_out.items(), key=lambda kv: (-kv[1], kv[0]))[:top] if c],
        "deepest": [{"id": n, "name": name(n), "depth": d}
                    for n, d in sorted(depth.items(), key=lambda kv: (-kv[1], kv[0]))[:top] if d],
    }


def _depths(tree: nx.DiGraph) -> dict[str, int]:
    """How many derivation steps lie between a model and its furthest base (cycles ignored)."""
    acyclic = tree if nx.is_directed_acyclic_graph(tree) else nx.condensation(tree)
    if acyclic is tree:
        depth: dict[str, int] = {}
        for node in nx.topological_sort(tree):
            depth[node] = max((depth[p] + 1 for p in tree.predecessors(node)), default=0)
        return depth
    mapping = acyclic.graph["mapping"]
    depth_c: dict[int, int] = {}
    for comp in nx.topological_sort(acyclic):
        depth_c[comp] = max((depth_c[p] + 1 for p in acyclic.predecessors(comp)), default=0)
    return {n: depth_c[c] for n, c in mapping.items()}


def communities(net: nx.Graph, top: int = 10) -> list[dict]:
    """Communities of the actor network (greedy modularity), largest first, with their
    most connected organizations."""
    if net.number_of_edges() == 0:
        return []
    found = community.greedy_modularity_communities(net)
    out = []
    for i, members in enumerate(sorted(found, key=len, reverse=True)[:top]):
        orgs = sorted((n for n in members if net.nodes[n].get("label") == "Organization"),
                      key=lambda n: (-net.degree(n), n))
        out.append({"community": i + 1, "size": len(members),
                    "organizations": [net.nodes[n].get("name") for n in orgs[:8]]})
    return out


def analyze(store: GraphStore) -> dict:
    graph = to_networkx(*graph_data(store))
    net = actor_network(graph)
    return {"network": {"nodes": net.number_of_nodes(), "edges": net.number_of_edges(),
                        "components": nx.number_connected_components(net) if len(net) else 0},
            "centrality": centrality(net), "lineage": lineage(graph), "communities": communities(net)}
