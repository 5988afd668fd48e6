#!/usr/bin/env python3
"""Helpers for the Qt Linguist .ts files in translations/ (standard library only).

  scripts/translations.py status translations/metalboot_*.ts
      Counts per file; exit status 1 if a file has unfinished or empty translations (for the
      source language, English, only plural forms count: singular text falls back to the source).
  scripts/translations.py unfinished translations/metalboot_de.ts > todo.tsv
      The messages still to translate, one per line (TSV, see below). Add --all for every message.
  scripts/translations.py fill translations/metalboot_de.ts todo.tsv
      Writes the translations of a TSV back into the .ts file and marks them finished.
      Run `ninja -C build metalboot_lupdate` afterwards: lupdate re-formats the file.

TSV columns: context, source, comment (disambiguation), numerus (0/1), translation.
Backslash escapes: \\n newline, \\t tab, \\\\ backslash. Plural forms are separated by " || " in
the translation column, in the order of the language's forms (German and French: one, other).
Lines starting with # are ignored. Lines whose translation is empty are skipped by `fill`.
"""

import sys
import xml.etree.ElementTree as ET

PLURAL_SEPARATOR = " || "


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def unescape(text):
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def messages(root):
    """Yields (context name, message element)."""
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.findall("message"):
            yield name, message


def key(context, message):
    return (context, message.findtext("source", ""), message.findtext("comment", ""))


def translation_forms(message):
    translation = message.find("translation")
    if translation is None:
        return None, []
    if message.get("numerus") == "yes":
        return translation, [f.text or "" for f in translation.findall("numerusform")]
    return translation, [translation.text or ""]


def is_unfinished(message):
    translation, forms = translation_forms(message)
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    return not forms or any(not f.strip() for f in forms)


def is_source_language(root):
    """The source language's file (English) needs only its plural forms."""
    language = (root.get("language") or "").split("_")[0]
    return language == (root.get("sourcelanguage") or "en").split("_")[0]


def needs_work(root, message):
    if is_source_language(root) and message.get("numerus") != "yes":
        return False
    return is_unfinished(message)


def cmd_status(paths):
    bad = False
    for path in paths:
        root = ET.parse(path).getroot()
        total = unfinished = 0
        for _, message in messages(root):
            total += 1
            unfinished += needs_work(root, message)
        print(f"{path}: {root.get('language')}: {total} messages, {unfinished} unfinished")
        bad = bad or unfinished > 0
    return 1 if bad else 0


def cmd_unfinished(path, everything):
    root = ET.parse(path).getroot()
    print("# context\tsource\tcomment\tnumerus\ttranslation")
    for context, message in messages(root):
        if not everything and not needs_work(root, message):
            continue
        context_, source, comment = key(context, message)
        _, forms = translation_forms(message)
        numerus = message.get("numerus") == "yes"
        print("\t".join([escape(context_), escape(source), escape(comment), "1" if numerus else "0",
                         escape(PLURAL_SEPARATOR.join(forms))]))
    return 0


def read_table(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) != 5:
                raise SystemExit(f"{path}:{number}: expected 5 tab-separated columns, got {len(columns)}")
            context, source, comment, _, translation = (unescape(c) for c in columns)
            table[(context, source, comment)] = translation
    return table


def write_ts(root, path):
    """Writes in lupdate's layout (4-space indentation, DOCTYPE) so diffs stay small."""
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(body)
        f.write("\n")


def cmd_fill(path, table_path):
    table = read_table(table_path)
    tree = ET.parse(path)
    root = tree.getroot()
    used = set()
    filled = 0
    for context, message in messages(root):
        k = key(context, message)
        if k not in table or not table[k].strip():
            continue
        used.add(k)
        text = table[k]
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            forms = text.split(PLURAL_SEPARATOR)
            expected = len(translation.findall("numerusform"))   # lupdate writes one per form of the language
            if expected and len(forms) != expected:
                raise SystemExit(f"{context}: '{k[1]}' needs {expected} plural forms, got {len(forms)}")
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            if PLURAL_SEPARATOR in text:
                raise SystemExit(f"{context}: '{k[1]}' is not a plural message but has plural forms")
            translation.text = text
        filled += 1
    write_ts(root, path)
    for k in sorted(set(table) - used):
        if table[k].strip():
            print(f"warning: not in {path}: {k[0]}: {k[1]!r}", file=sys.stderr)
    print(f"{path}: {filled} translations filled")
    return 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "status":
        return cmd_status(argv[1:])
    if len(argv) in (2, 3) and argv[0] == "unfinished":
        return cmd_unfinished(argv[1], "--all" in argv[2:])
    if len(argv) == 3 and argv[0] == "fill":
        return cmd_fill(argv[1], argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
