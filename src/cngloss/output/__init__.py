"""What people and programs are shown: the JSON contract, the views of each command, and
the console that prints them (the only module that imports rich)."""
