"""Storage: SQLModel tables, engine and session set-up, migrations and queries.

Nothing here imports Textual; the screens and the CLI both sit on top of this package.
"""
