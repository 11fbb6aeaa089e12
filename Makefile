# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: demo test setup java chromium score devset heldout model bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP) java chromium

# The Spark job's tests run Spark in local mode, which needs a Java runtime: Debian's when none
# is installed (CI runs as root on a fresh machine). Slim Debian images lack the man folder the
# JRE's post-install script links into, hence the mkdir.
JRE ?= openjdk-17-jre-headless
java:
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    mkdir -p /usr/share/man/man1 && apt-get update -qq && \
	    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(JRE) || \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless; }; \
	  else echo "no java here and cannot apt-get install it: the Spark tests will be skipped" >&2; fi; }

# The browser tests (tests/web/test_browser.py) drive Debian's chromium with Playwright; nothing
# downloads a browser. Installed when missing and we are root (CI); otherwise the tests skip, saying why.
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "no /usr/bin/chromium and cannot apt-get install it: the browser tests will be skipped" >&2; fi; }

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/newsledger ingest $(SHARED)/seeds --db demo.db
	$(BIN)/newsledger report --db demo.db

test: $(STAMP) java chromium
	$(BIN)/python -m pytest

# The seed score, as quoted in the README.
score: $(STAMP)
	rm -rf build/seeds && mkdir -p build/seeds
	$(BIN)/newsledger ingest $(SHARED)/seeds --db build/seeds/ledger.db --quiet
	$(BIN)/newsledger export --db build/seeds/ledger.db --out build/seeds/export
	$(BIN)/python $(SHARED)/eval/score.py --gold $(SHARED)/eval/seeds.gold.json --export build/seeds/export --docs $(SHARED)/seeds

# The development set (tests/devset), scored the same way.
devset: $(STAMP)
	$(BIN)/python -m tests.devset.run --shared $(SHARED)

# The held-back crisis events, scored once, at the end (tests/devset/crisis/HELD_OUT).
heldout: $(STAMP)
	$(BIN)/python -m tests.devset.run --shared $(SHARED) --sets heldout --table

# Retrain the learned measure from every annotation (texts must be rebuilt into devdata/crisis):
# prints the leave-one-event-out comparison with the rules, writes newsledger/extract/models/measure.json.
model: $(STAMP)
	$(BIN)/python -m tests.devset.learn --shared $(SHARED)

clean:
	rm -rf $(VENV) build demo.db newsledger.db
