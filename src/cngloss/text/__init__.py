"""Pure string functions: hanzi and quotes, pinyin syllables, numerals, spacing, query
cleaning, display width and wrapping, escaping. Imports nothing of cngloss but errors."""
