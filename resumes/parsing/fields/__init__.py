"""Field extractors: one module per part of the parse-result schema."""
