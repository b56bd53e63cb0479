"""Put translations into the catalogue: ``python scripts/fill_translations.py FILE.json``.

FILE.json maps "Context\\tsource text" to the French text. Messages already
translated are left alone unless --overwrite is given. Run
``make translations`` afterwards to compile the catalogue.
"""

from __future__ import annotations

import argparse
import json
import xml.etree.ElementTree as ET
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "resources/translations/hradvisor_fr.ts"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("translations", type=Path)
    parser.add_argument("--overwrite", action="store_true")
    args = parser.parse_args()
    wanted: dict[str, str] = json.loads(args.translations.read_text(encoding="utf-8"))
    tree = ET.parse(CATALOGUE)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = f"{name}\t{message.findtext('source')}"
            translation = message.find("translation")
            if key not in wanted or translation is None:
                continue
            if translation.text and translation.get("type") != "unfinished" and not args.overwrite:
                continue
            translation.text = wanted[key]
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(CATALOGUE, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} of {len(wanted)} given translations")


if __name__ == "__main__":
    main()
