"""The Textual app. Only this package imports Textual; it talks to progress through lianxi.study."""
