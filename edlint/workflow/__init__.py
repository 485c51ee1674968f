"""What a newsroom does with findings: baselines, changed lines since a git revision,
stable fingerprints, and applying fixes to files."""
