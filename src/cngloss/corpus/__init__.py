"""A glossary with its report, as every command works on it: loading (through the compiled
cache), passages and uses, and the checks of a glossary against its report."""
