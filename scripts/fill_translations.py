"""Fill msgstr entries of a .po file from a Python dict of {msgid: msgstr}, then report gaps.

Usage: python scripts/fill_translations.py LOCALE_PO DICT_MODULE_PATH
Needs polib (pip install polib); only used when updating translations, never at run time.
"""

import runpy
import sys

import polib


def main(po_path, dict_path):
    translations = runpy.run_path(dict_path)["SV"]
    po = polib.pofile(po_path)
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save()
    missing = [e.msgid for e in po if not e.msgstr and not e.obsolete]
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
