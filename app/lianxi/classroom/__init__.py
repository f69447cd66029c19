"""The classroom in a browser and on paper: the projector page and the printable worksheet.

Pure page-building: a Lesson (plus audio bytes and stroke data handed in) ->
one self-contained HTML document. Nothing here reads or writes files, plays
sound or opens a browser (study.class_pages does that). Every piece of lesson
text is escaped for HTML, or travels as JSON that the page's script only ever
puts into the page as text. Must never import storage, audio, UI or study.

- page: what both pages share (escaping, fonts, tone colours, which hanzi to show)
- strokes_svg: stroke-order figures as SVG
- worksheet: the printable worksheet (A4 or Letter); worksheet_style: its print style
- projector: the projector page (big hanzi, rounds, keys, audio, stroke animation)
"""
