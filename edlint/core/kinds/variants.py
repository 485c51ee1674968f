"""Kind ``variants``: groups of spellings of one name, the house form first (read by the spelling rules).

``spelling.inconsistent`` flags an article using two forms of one group;
``spelling.house-style`` flags any form that is not the first.

    kind: variants
    category: places in Greater Manchester
    proper_nouns: true
    sources: ["Newsroom style desk"]
    groups:
      - [Salford Quays, Salford Docks]
"""
from __future__ import annotations

NAME = "variants"
FAMILY = "spelling"
SCHEMA = {
    "type": "object",
    "required": ["kind", "category", "sources", "groups"],
    "properties": {
        "kind": {"const": "variants"},
        "category": {"type": "string"},
        "proper_nouns": {"type": "boolean"},
        "locale_pairs": {"type": "boolean"},
        "sources": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "not_near": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "groups": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "array", "minItems": 2, "items": {"type": "string", "minLength": 2}},
        },
    },
    "additionalProperties": False,
}
