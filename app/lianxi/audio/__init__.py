"""Audio: speech (text -> cached WAV) and playback (non-blocking, silent when no sound device).

Imports only lianxi.core from the project; never the UI, the store or the study layer.
"""
