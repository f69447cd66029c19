"""Lianxi 练习: offline flashcards and audio drills for learners of standard Mandarin."""
