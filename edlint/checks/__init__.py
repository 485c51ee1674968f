"""Code rules, one package per family; the registry lists them in ``edlint.registry.FAMILY_MODULES``."""
