#!/usr/bin/env python3
"""Which program sources clang-tidy must check again (scripts/lint, LP_LINT_SINCE).

stdin: the sources (repository-relative) the gate covers. argv: the repository root, the clang build
directory, and a file listing the repository-relative paths that differ from the last commit on which
the whole gate passed. stdout: the sources to check: those that differ, and those whose object's
dependency records (ninja -t deps: every header read, the precompiled header's included) name a file
that differs. When the checks themselves (.clang-tidy) differ, or a source has no dependency record
(not built yet, or built without depfiles), every source is checked: never fewer than needed.
"""
import json
import os
import re
import shlex
import subprocess
import sys

ALL_WHEN_CHANGED = {".clang-tidy"}


def main() -> int:
    root, build, changed_list = sys.argv[1], sys.argv[2], sys.argv[3]
    sources = [line.strip() for line in sys.stdin if line.strip()]
    with open(changed_list, encoding="utf-8") as f:
        changed = {line.strip() for line in f if line.strip()}
    if changed & ALL_WHEN_CHANGED:
        print("\n".join(sources))
        return 0
    changed_abs = {os.path.normpath(os.path.join(root, c)) for c in changed}

    # source (absolute) -> object path (relative to the build directory), from the compile database.
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        entries = json.load(f)
    objects = {}
    for entry in entries:
        args = shlex.split(entry["command"])
        if "-o" in args:
            out = args[args.index("-o") + 1]
            objects[os.path.normpath(os.path.join(entry["directory"], entry["file"]))] = os.path.relpath(
                os.path.normpath(os.path.join(entry["directory"], out)), build)

    wanted = [os.path.normpath(os.path.join(root, s)) for s in sources]
    if any(w not in objects for w in wanted):
        print("\n".join(sources))
        return 0
    listing = subprocess.run(["ninja", "-C", build, "-t", "deps", *[objects[w] for w in wanted]],
                             check=True, capture_output=True, text=True).stdout
    deps = {}
    current = None
    for line in listing.splitlines():
        head = re.match(r"^(\S.*?): #deps (\d+)", line)
        if head:
            current = os.path.normpath(os.path.join(build, head.group(1)))
            deps[current] = set()
        elif line.startswith("    ") and current is not None:
            deps[current].add(os.path.normpath(os.path.join(build, line.strip())))

    selected = []
    for source, w in zip(sources, wanted):
        obj = os.path.normpath(os.path.join(build, objects[w]))
        if obj not in deps or not deps[obj]:
            print("\n".join(sources))  # no record: cannot tell, so all
            return 0
        if w in changed_abs or deps[obj] & changed_abs:
            selected.append(source)
    for source in selected:
        print(source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
