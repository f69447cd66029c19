"""TOML syntax problems in a lesson file, explained in a tutor's words, and the check goes on.

tomllib stops at the first problem with a parser's message ("Invalid value", "Cannot
overwrite a value"). A tutor needs to hear what to type instead, on the right line, and
every problem at once. So each problem is explained by its cause, then repaired in a copy
of the text the way the tutor most likely meant (straight quotes for curly ones, [[words]]
for [words], a missing [[words]] line put back, a missing closing quote or bracket added)
or, failing that, the line is set aside, and the copy is read again. Rules:

- curly quotes (“ ” ‘ ’ 「 」) around text: use straight quotes "...";
- [words], [word], [[words] ...: each word starts with a line that says exactly [[words]];
- a word's field set twice in one word: a [[words]] line is missing before the second word;
- a name with no = after it, or a full-width ＝: put = between the name and its value;
- text with no quotes around it: put it in straight double quotes;
- text with no closing quote, a list with no closing ] (or no comma between items).

Pure: standard library only; line numbers are the original file's.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

from lianxi.core.text import has_controls

__all__ = ["TomlReading", "read_toml"]

MAX_PROBLEMS = 20
_CURLY = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "「": '"', "」": '"',
                        "『": '"', "』": '"', "＂": '"'})
_WORDS_HEADER = re.compile(r"^\s*\[{1,2}\s*words?\s*\]{1,2}\s*(#.*)?$")
_KEY_LINE = re.compile(r"""^\s*("?)([A-Za-z0-9_\-]+)\1\s*[=＝]""")
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class TomlReading:
    """The document read from a lesson's text, with its syntax problems explained.

    `doc` is None when the text could not be read even after repairs. `text` is the
    repaired copy the doc was read from; `origin[k]` is the original line of its line k+1;
    `set_aside` holds the original lines left out, whose words may look incomplete.
    """

    doc: dict | None
    problems: list[tuple[int, str]] = field(default_factory=list)
    text: str = ""
    origin: list[int] = field(default_factory=list)
    set_aside: set[int] = field(default_factory=set)

    def original_line(self, line: int) -> int:
        return self.origin[line - 1] if 0 < line <= len(self.origin) else line


def read_toml(text: str, word_fields: tuple[str, ...] = ()) -> TomlReading:
    """Read a lesson's TOML, explaining and repairing each syntax problem (see the module doc)."""
    lines = text.split("\n")
    origin = list(range(1, len(lines) + 1))
    result = TomlReading(None)
    for k, line in enumerate(lines):
        if _WORDS_HEADER.match(line) and line.strip().split("#")[0].strip() != "[[words]]":
            result.problems.append((origin[k], f"'{line.strip()}' should be [[words]] (two square brackets "
                                                "on each side, 'words' with an s): each word starts with a "
                                                "line that says exactly [[words]]"))
            lines[k] = "[[words]]"
    for _ in range(MAX_PROBLEMS):
        try:
            result.doc = tomllib.loads("\n".join(lines))
            break
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            found = _AT.search(message)
            at = int(found.group(1)) if found else len(lines)
            what = _AT.sub("", message).replace("(at end of document)", "").strip()
            k = max(0, min(at, len(lines)) - 1)
            explained = _explain(lines, k, what, word_fields)
            if explained is None:
                break
            line_index, message, repair = explained
            if (origin[line_index], message) in result.problems:
                break  # the repair did not take: say it once
            result.problems.append((origin[line_index], message))
            if repair == "set aside":
                result.set_aside.add(origin[line_index])
                lines[line_index] = "# " + lines[line_index]
            elif repair.startswith("insert:"):
                lines.insert(line_index, repair[len("insert:"):])
                origin.insert(line_index, origin[line_index])
            else:
                lines[line_index] = repair
    result.text = "\n".join(lines)
    result.origin = origin
    return result


def _explain(lines: list[str], k: int, what: str, word_fields: tuple[str, ...]):
    """(line index, message, repair) for the problem tomllib found at line index k.

    repair is the replacement line, "insert:<line>" to put a line before it, or "set aside".
    """
    line = lines[k]
    key = _KEY_LINE.match(line)
    name = key.group(2) if key else ""
    if has_controls(line):  # not even a comment may hold one, so it is taken out, not set aside
        return k, ("this line holds a control character (such as an escape code copied from a "
                   "terminal): delete it; a lesson file is plain text"), "".join(
                       ch for ch in line if not has_controls(ch))
    if line.translate(_CURLY) != line:
        return k, ("text must be in straight double quotes \"...\": this line has curly quotes (“ ” ‘ ’), "
                   "which word processors and 'smart quotes' make; type them again as \""), line.translate(_CURLY)
    if what.startswith("Cannot overwrite a value") and name:
        if name in word_fields:
            return k, (f"{name} is set twice in one word: the word starting here needs its own [[words]] "
                       "line above it (add a line that says [[words]])"), "insert:[[words]]"
        return k, f"{name} is set twice: keep one of them", "set aside"
    if what.startswith("Cannot declare") or what.startswith("Cannot mutate"):
        return k, f"this table is declared twice ({line.strip()}): each word starts with [[words]]", "set aside"
    if what.startswith("Expected '=' after a key"):
        if "＝" in line:
            return k, "use the ordinary = sign, not the full-width ＝", line.replace("＝", "=")
        return k, ("put = between the name and its value, like hanzi = \"你好\" "
                   "(a line is a name, =, then the value)"), "set aside"
    if what.startswith("Invalid value") and key:
        value = line.split("=", 1)[1].strip() if "=" in line else ""
        if value and value[0] not in "\"'[{" and not value[0].isdigit() and value not in ("true", "false"):
            fixed = value.split(" #")[0].strip().replace("\\", "\\\\").replace('"', '\\"')
            return k, (f"text goes inside straight double quotes: {name} = \"{fixed}\""), f'{name} = "{fixed}"'
    if what.startswith("Illegal character '\\n'") or what.startswith("Unterminated string"):
        return k, "this text has no closing quote: end it with \" on the same line", line.rstrip() + '"'
    if what.startswith("Unclosed array") or what.startswith("Unclosed inline table"):
        opened = _opened_at(lines, k)
        closer = "]" if what.startswith("Unclosed array") else "}"
        return opened, (f"this list has no closing {closer}, or a comma is missing between two of its items: "
                        "write it like [\"hello\", \"hi\"] on one line"), "set aside"
    if what.startswith("Expected ']]'") or what.startswith("Expected ']'"):
        return k, "a [[words]] line needs two closing brackets: [[words]]", "set aside"
    return k, (f"this line cannot be read ({what}): a line holds a name, =, and a value in straight "
               "quotes, like title = \"Week 1\"; each word starts with [[words]]"), "set aside"


def _opened_at(lines: list[str], k: int) -> int:
    """The line, at or before k, where a list or table was opened and not closed."""
    for j in range(min(k, len(lines) - 1), -1, -1):
        text = re.sub(r'"(\\.|[^"\\])*"|\'[^\']*\'', "", lines[j]).split("#")[0]
        if text.count("[") + text.count("{") > text.count("]") + text.count("}"):
            return j
    return k
