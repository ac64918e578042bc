"""The members' views, one module per feature: the login, »Mein Bereich«, the directory,
the organisations' pages and the profiles."""
