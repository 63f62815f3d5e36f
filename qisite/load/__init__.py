"""Loading: files on disk become frozen domain objects and located problems."""
