"""Exporting the verified claim set (JSONL, JSON, CSV, Markdown, ClaimReview) and reading an
export back in to merge reviews. No Textual here: the CLI and the screens both call it."""
