"""The member area's views, one module per feature (the area is too big for one views.py)."""
