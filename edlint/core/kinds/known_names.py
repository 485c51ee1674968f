"""Kind ``known-names``: words that are what they are (demonyms, organisations), read by spelling discovery.

``spelling.discovered`` never calls one of these a respelling of a look-alike
(Scot and Scott, Liffe and Life).

    kind: known-names
    sources: ["Newsroom style desk"]
    demonyms: [Mancunian, Mancunians]
    organisations: [Salford Red Devils]
"""
from __future__ import annotations

NAME = "known-names"
FAMILY = "spelling"
SCHEMA = {
    "type": "object",
    "required": ["kind", "sources"],
    "properties": {
        "kind": {"const": "known-names"},
        "sources": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "demonyms": {"type": "array", "items": {"type": "string", "minLength": 2}},
        "organisations": {"type": "array", "items": {"type": "string", "minLength": 2}},
    },
    "additionalProperties": False,
}
