"""Pure string functions: hanzi and quotes, pinyin syllables, numerals, spacing, query
cleaning, display width and wrapping, escaping; and the one text-matching core (quotes and
markers set aside with offsets mapped back, traditional to simplified, line tables) that
every matcher uses. Imports nothing of cngloss but errors."""
