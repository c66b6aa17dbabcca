#!/usr/bin/env python3
"""The best figures `../shared/acceptance/meeting-records` can give, from its truth files
alone: a parser that cuts every speech exactly as the truth does.

The check looks each probe (seven words from a speech's start or middle) up in the first
unit, in document order, whose text holds it. Stock openings ("Mr President of the
General Conference, Mr ...") open many speeches, so the first unit holding such a probe is
an earlier speaker's, whatever the parser does; and its agenda probes are placed by turn
ranges, so a probe taken from the next section's heading lines is counted under the item
before. This script builds the truth's own speeches (each turn's lines, up to the next
turn) and runs the check's probes over them.

    python3 bench/meeting-records-ceiling.py
"""
import glob
import json
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
VERBATIM = os.path.join(HERE, "..", "..", "shared", "samples", "verbatim")


def norm(text):
    """The check's normalisation: NFKC, hyphenation removed, lower-case words only."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"-\s*\n\s*", "", text)
    return " ".join(re.findall(r"[^\W\d_]+", text.lower()))


def probes_of(lines, start, end):
    """The check's probes for the turn on lines[start:end]."""
    probes = []
    after = re.split(r"[:：]", lines[start], maxsplit=1)
    first = (after[1] if len(after) == 2 else "") + " " + " ".join(lines[start + 1:start + 4])
    words = norm(first).split()
    if len(words) >= 6:
        probes.append(" ".join(words[:7]))
    for j in range((start + end) // 2, end):
        words = norm(" ".join(lines[j:j + 3])).split()
        if j - start > 6 and len(norm(lines[j]).split()) >= 7 and len(words) >= 7:
            probes.append(" ".join(words[:7]))
            break
    return probes


def main():
    total = wrong = agenda_total = agenda_reachable = 0
    for truth_file in sorted(glob.glob(os.path.join(VERBATIM, "*.truth.json"))):
        truth = json.load(open(truth_file, encoding="utf-8"))
        lines = open(os.path.join(VERBATIM, truth["file"]), encoding="utf-8").read().splitlines()
        turns = sorted(truth["turns"].items(), key=lambda kv: kv[1]["line"])
        ends = [t[1]["line"] - 1 for t in turns[1:]] + [len(lines)]
        speeches = [
            (label, turn.get("country"), norm("\n".join(lines[turn["line"] - 1:end])))
            for (label, turn), end in zip(turns, ends)
        ]
        sections = truth.get("sections") or []
        for (label, turn), end in zip(turns, ends):
            start = turn["line"] - 1
            for probe in probes_of(lines, start, end):
                total += 1
                holders = [s for s in speeches if probe in s[2]]
                if holders and holders[0][1] != turn.get("country"):
                    wrong += 1
                    print(f"{truth['file']} {label}: first held by {holders[0][0]} "
                          f"({holders[0][1]}), not {turn.get('country')}: {probe!r}")
        for item, (low, high) in (truth.get("agenda") or {}).items():
            for (label, turn), end in zip(turns, ends):
                number = re.match(r"^\(?(\d+)", label)
                if not number or not int(low.split(".")[0]) <= int(number.group(1)) <= int(high.split(".")[0]):
                    continue
                start = turn["line"] - 1
                for probe in probes_of(lines, start, end):
                    agenda_total += 1
                    # Out of reach when the truth starts a section (with another item)
                    # inside the turn's lines and the probe is not in the lines above it.
                    cut = min((s["line"] - 1 for s in sections
                               if start < s["line"] - 1 < end and s.get("item") != item),
                              default=end)
                    reachable = probe in norm("\n".join(lines[start:cut]))
                    agenda_reachable += reachable
                    if not reachable:
                        print(f"{truth['file']} {label}: agenda probe {probe!r} is in the next "
                              f"section's heading, which has no item")
    right = total - wrong
    print(f"ceiling: speakers {right}/{total} = {right / total:.3f} right, {wrong} wrong; "
          f"agenda {agenda_reachable}/{agenda_total}")


if __name__ == "__main__":
    main()
