#!/usr/bin/python3
"""Runs every SQL example of the given Markdown files and compares its output.

An example is a ```sql block followed (after optional blank lines) by a bare
``` block holding the expected output of the sqlite3 shell in its default
list mode (NULL shows as an empty string unless the example sets .nullvalue). Each section (a "### " heading) runs its examples in order in one fresh
in-memory database, so later examples may use tables created earlier.
Prints one line per example and ends with "N passed, N failed".

  /usr/bin/python3 tools/check_docs.py dist/conflict.so README.md docs/ref/*.md
"""
import os, re, subprocess, sys

BLOCK = re.compile(r"```sql\n((?:(?!```).)*?)```\n\s*```\n((?:(?!```).)*?)```", re.S)


def run(ext, sql):
    p = subprocess.run(["sqlite3", "-batch", "-cmd", ".load " + ext[:-3] if ext.endswith(".so") else ext, ":memory:"],
                       input=sql, capture_output=True, text=True, timeout=120)
    out = p.stdout + p.stderr
    out = re.sub(r"^(Runtime|Parse) error near line \d+: ", "ERROR: ", out, flags=re.M)
    out = re.sub(r"^Error: (near line \d+: |stepping, )?", "ERROR: ", out, flags=re.M)
    return out.strip()


def main():
    ext, files = sys.argv[1], sys.argv[2:]
    passed = failed = 0
    for f in files:
        text = open(f, encoding="utf-8").read()
        for section in re.split(r"^(?=### )", text, flags=re.M):
            passed, failed = check_section(ext, f, section, passed, failed)
    print(f"docs: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def check_section(ext, f, text, passed, failed):
        setup = ""
        title = text.splitlines()[0] if text else ""
        for i, m in enumerate(BLOCK.finditer(text), 1):
            sql, want = m.group(1), m.group(2).strip()
            # earlier examples of the file set up tables: run them silently first
            got = run(ext, ".output /dev/null\n" + setup + "\n.output stdout\n" + sql)
            setup += sql + "\n"
            if got == want:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {f} {title} example {i}\n  sql: {sql.strip()[:200]}\n  want: {want[:300]!r}\n  got:  {got[:300]!r}")
        return passed, failed


if __name__ == "__main__":
    main()
