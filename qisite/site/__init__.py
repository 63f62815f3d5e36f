"""The learning site: page models (pure), templates, search, feeds and writing."""
