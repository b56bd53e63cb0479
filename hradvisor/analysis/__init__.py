"""Analysis: aggregations, trends, early warning and the risk framework (pure, no Qt)."""
