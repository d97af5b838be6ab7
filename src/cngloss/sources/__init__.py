"""Files -> model: reading and atomic writing, the YAML reader, glossaries, corrections,
reports, and the compiled cache of what was read."""
