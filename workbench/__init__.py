"""Claim Workbench: turn a pile of news articles into a verified set of claims."""

__version__ = "0.1.0"
