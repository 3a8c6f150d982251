#!/usr/bin/env bash
# Adds to each library's PublicAPI.Unshipped.txt the public symbols the build reports as undeclared
# (RS0016) and removes the ones it reports as gone (RS0017): the command-line twin of the IDE's code fix.
# Review the diff it makes: it is the change of the public API.
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet build -nologo -clp:NoSummary -p:TreatWarningsAsErrors=false "$@" >"$log" 2>&1 || true
python3 - "$log" <<'PY'
import re, sys, collections, pathlib
added, removed = collections.defaultdict(set), collections.defaultdict(set)
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.search(r"(RS0016|RS0017): Symbol '(.+?)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.+\.csproj)\]", line)
    if not m:
        continue
    code, symbol, project = m.groups()
    (added if code == "RS0016" else removed)[pathlib.Path(project).parent].add(symbol)
for folder in sorted(set(added) | set(removed)):
    path = folder / "PublicAPI.Unshipped.txt"
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l and l != "#nullable enable"]
    lines = sorted((set(lines) - removed[folder]) | added[folder], key=str.lower)
    path.write_text("#nullable enable\n" + "".join(l + "\n" for l in lines), encoding="utf-8")
    print(f"{path}: +{len(added[folder])} -{len(removed[folder])}")
PY
