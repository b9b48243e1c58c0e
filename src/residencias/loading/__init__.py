"""Reading data files: YAML with positions, strict structuring into domain objects."""
