#!/usr/bin/env bash
# Installs the independent iCalendar parser the feed tests read the planner's feed back with: Debian's
# python3-icalendar, run with the system /usr/bin/python3 (PyPI is not reachable here). Idempotent: does
# nothing when the module is already importable. Called from .ci/run before the tests.
set -euo pipefail
if /usr/bin/python3 -c "import icalendar" 2>/dev/null; then
  echo "feed-parser: python3-icalendar present ($(/usr/bin/python3 -c 'import icalendar; print(icalendar.__version__)'))"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends python3-icalendar
/usr/bin/python3 -c "import icalendar; print('feed-parser: python3-icalendar', icalendar.__version__)"
