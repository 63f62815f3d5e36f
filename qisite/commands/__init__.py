"""One module per ``qisite`` subcommand, each with ``register(subparsers)``."""
