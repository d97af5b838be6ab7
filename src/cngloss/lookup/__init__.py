"""Finding things in a glossary and its report: the search index, search by every query
form, resolving what a user typed to one term, passages, cross-references."""
