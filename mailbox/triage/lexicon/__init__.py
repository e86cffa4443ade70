"""Word lists in general English and UK council vocabulary.

Nothing here names a particular customer, place or case: the lists must
work on correspondence the project has never seen.
"""
