"""Linking across documents: copies (duplicates.py) and stories (stories.py)."""
