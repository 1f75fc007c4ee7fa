"""Alembic migrations of the workbench schema.

HEAD_REVISION names the newest migration so that opening an up-to-date database does not have
to import Alembic; a test checks it against Alembic's own idea of the head.
"""

HEAD_REVISION = "0007"
