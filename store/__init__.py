"""The register's storage: SQLModel tables, the repository behind the core's ports,
and Alembic migrations. The only package that imports SQLAlchemy, SQLModel,
Alembic or psycopg.

Start-up (in app.py):

    store = SqlRegisterStore.open(settings.database_url)   # migrates to head
    with store.transaction() as session:
        ...
"""
