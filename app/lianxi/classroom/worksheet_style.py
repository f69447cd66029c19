"""The worksheet's style: print sizes in points and millimetres, so A4 and Letter print alike.

What keeps a sheet usable as it comes: headings stay with what follows, rows never
split, pinyin never wraps, room above the tone exercise's pinyin for the marks a
learner writes, rows compact enough that a 30-word lesson's exercise fits one sheet.
Pure text; must never import storage, UI, audio or study.
"""

from __future__ import annotations

from lianxi.classroom.page import LATIN_FONTS, cjk_fonts, tone_css


def worksheet_css(paper: str, traditional: bool) -> str:
    """The worksheet's style for `paper` ("A4" or "letter", as CSS @page names them)."""
    cjk = cjk_fonts(traditional)
    return f"""
@page {{ size: {paper}; margin: 12mm 14mm 11mm; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {LATIN_FONTS}, {cjk}; font-size: 10.5pt; color: #000; margin: 0; }}
.hanzi {{ font-family: {cjk}; font-size: 14pt; line-height: 1.1; white-space: nowrap; }}
.py {{ white-space: nowrap; }}
td.hz {{ white-space: nowrap; }}
.section {{ break-before: page; page-break-before: always; }}
.section:first-of-type {{ break-before: auto; page-break-before: auto; }}
h1 {{ font-size: 17pt; margin: 0 0 1mm; }}
h2 {{ font-size: 13.5pt; margin: 0 0 2mm; border-bottom: 0.75pt solid #000; padding-bottom: 1mm; }}
h3 {{ font-size: 11.5pt; margin: 4mm 0 1.5mm; }}
h1, h2, h3, .how, .keep {{ break-after: avoid; page-break-after: avoid; break-inside: avoid; }}
.lesson {{ font-size: 9.5pt; color: #333; margin-bottom: 2mm; }}
.name {{ display: flex; gap: 8mm; margin: 0 0 3mm; font-size: 10.5pt; }}
.name span {{ flex: 1; border-bottom: 0.75pt solid #000; height: 7mm; }}
.name span.date {{ flex: 0 0 45mm; }}
.how {{ font-size: 10pt; margin: 0 0 3mm; }}
table {{ border-collapse: collapse; width: 100%; }}
thead {{ display: table-header-group; }}
th, td {{ border: 0.75pt solid #222; padding: 0.5mm 1.6mm; text-align: left; vertical-align: middle;
  line-height: 1.2; }}
th {{ background: #e8e8e8; font-size: 9pt; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
td.n, th.n {{ width: 8mm; text-align: right; }}
.toneless {{ font-size: 12pt; letter-spacing: 0.6pt; line-height: 1.5; vertical-align: bottom; }}
td.gloss {{ font-size: 9.5pt; }}
table.tones .hanzi {{ font-size: 13pt; }}
table.tones td {{ padding-top: 0; padding-bottom: 0.2mm; }}
table.tones .reading + .reading {{ margin-top: 0; }}
.sep {{ color: #777; padding: 0 1mm; }}
.dictation {{ display: flex; gap: 6mm; align-items: flex-start; }}
.dictation table td {{ height: 13mm; }}
.dictation.answers table td {{ height: auto; }}
.match {{ width: 100%; border: none; margin: 0 0 3mm; break-inside: avoid; page-break-inside: avoid; }}
.match td {{ border: none; padding: 0.2mm 1mm; height: 6.8mm; line-height: 1.15; }}
.match td.slot {{ width: 14mm; }}
.match td.slot span {{ display: inline-block; width: 10mm; border-bottom: 0.75pt solid #000; height: 5.5mm; }}
.match td.label {{ width: 9mm; text-align: right; font-weight: bold; }}
.match td.left {{ width: 30mm; }}
.write {{ break-inside: avoid; page-break-inside: avoid; margin: 0 0 3mm; }}
.write .order {{ display: flex; flex-wrap: wrap; gap: 0.8mm; align-items: center; min-height: 7mm; }}
.write .order .char {{ font-family: {cjk}; font-size: 11pt; margin-right: 2mm; }}
.write .order .none {{ font-size: 9pt; color: #555; font-style: italic; }}
svg.stroke {{ width: 8mm; height: 8mm; }}
.order svg.stroke {{ border: 0.4pt solid #bdbdbd; }}  /* each figure in its square: a stroke sits where it is written */
svg.stroke .done {{ fill: #9e9e9e; }}
svg.stroke .new {{ fill: #000; }}
.boxes {{ display: flex; margin-top: 0.8mm; }}
.box {{ position: relative; width: 15mm; height: 15mm; border: 0.75pt solid #c62828; margin-left: -0.75pt; }}
.box:first-child {{ margin-left: 0; }}
.box::before {{ content: ""; position: absolute; left: 50%; top: 0; bottom: 0; border-left: 0.5pt dashed #e57373; }}
.box::after {{ content: ""; position: absolute; top: 50%; left: 0; right: 0; border-top: 0.5pt dashed #e57373; }}
.box svg.stroke {{ position: absolute; inset: 0.6mm; width: auto; height: auto; z-index: 1; }}
.box .model {{ fill: #000; }}
.box .trace {{ fill: #c8c8c8; }}
.box span {{ position: absolute; inset: 0; z-index: 1; display: flex; align-items: center; justify-content: center;
  font-family: {cjk}; font-size: 34pt; line-height: 1; }}
.box .trace-font {{ color: #c8c8c8; }}
#key table {{ font-size: 9pt; }}
#key td {{ padding: 0.3mm 1.6mm; }}
#key .hanzi {{ font-size: 11pt; }}
.tutor {{ font-size: 9.5pt; border: 0.75pt solid #000; padding: 1.5mm 2mm; margin: 0 0 3mm; }}
.small {{ font-size: 8.5pt; color: #333; }}
td.ex {{ font-size: 10pt; line-height: 1.12; }}
.pairs {{ line-height: 1.7; }}
.pair {{ white-space: nowrap; }}
.reading {{ display: block; }}
.reading + .reading {{ margin-top: 0.3mm; }}
.reading .rp {{ white-space: nowrap; font-weight: bold; margin-right: 0.8mm; }}
.reading .rh {{ font-family: {cjk}; }}
ul.flow {{ columns: 3; column-gap: 6mm; list-style: none; padding: 0; margin: 0; }}
ul.flow li {{ break-inside: avoid; margin: 0 0 0.8mm; }}
ul.flow .hanzi {{ font-size: 12pt; }}
{tone_css()}
"""
