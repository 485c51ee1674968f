"""Code rules, one package per family; the registry lists them in ``edlint.core.registry.FAMILY_MODULES``."""
