"""Shipped facts: the officeholder knowledge base (loaded lazily, only by what asks for it)."""
