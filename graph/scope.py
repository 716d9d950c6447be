"""Which organizations an organization's answers cover: itself and its labs and
subsidiaries (PART_OF up to three levels), as Cypher fragments over `o`."""
from __future__ import annotations

# x is the organization or one of its labs/subsidiaries
IN_ORG = "(x.id = o.id OR EXISTS { MATCH (x)-[:PART_OF*1..3]->(o) })"
# the same, as rows of x walked back from o: the relationships then expand from these few
# organizations instead of every relationship of the type being tested (20x at 100k nodes)
ORG_SCOPE = ("WITH o, [o] + [(lab:Organization)-[:PART_OF*1..3]->(o) | lab] AS scope "
             "UNWIND scope AS x WITH DISTINCT o, x")
