"""Performance benchmarks of the vault (DESIGN §11), run by ``make bench``.

``python -m bench`` fills a fresh encrypted vault and a plain SQLite database
with the fictional demo data (the write-path figure), then times unlock, search,
list pages and counts on a cached 100,000-incident vault pair, and prints one
table: each figure, its baseline measured in the same run (the same store code
on plain SQLite, the KDF alone, …), the ratio between them and the budget.

A missed budget is reported, never an error: the exit status is 0 unless a
benchmark crashed. Performance is checked here only, never in the tests.
"""
