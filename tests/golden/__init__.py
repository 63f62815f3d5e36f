"""The whole-site golden test's fixture network, expected output and shared code
(see README.md in this folder)."""
