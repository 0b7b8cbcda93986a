# toggl-focus build. GNU make. Every target bootstraps what it needs (.venv, node_modules).
#
#   make client            regenerate generated/toggl_focus_api from $(SPEC), and the files the
#                          hand-written package derives from it (_wire/pagination_meta.py, _spec/focus.json)
#   make check-generated   fail if `make client` would change any of them
#   make sync              regenerate the sync client extensions/toggl_focus/_sync/ from its async
#                          source _async/ (scripts/make_sync.py: one list of async -> sync substitutions)
#   make check-sync        fail if `make sync` would change _sync/
#   make lint              ruff, mypy, the package's floors (lint-imports), the line ceilings
#                          (scripts/line_ceilings.toml), spec validation, x-decision marking,
#                          redocly, spec coverage
#   make spec              bundle $(SPEC) into dist/spec/focus.{yaml,json}: one file, no external $ref
#   make spec-check        other generators accept the bundle with our schema names: openapi-typescript
#                          + tsc, openapi-generator typescript-fetch and go (into build/spec-check)
#   make spec-diff [BASE=ref]  breaking-change guard: $(SPEC) against BASE (default: last spec-v*/v* tag)
#   python scripts/spec_decisions.py [--json]   every x-decision of $(SPEC) with its JSON pointer
#   make docs              HTML API references, self-contained for offline use: dist/docs/index.html
#                          (HTTP, Redocly) linking dist/docs/python/index.html (Python, pdoc)
#   make test              lint + check-generated + check-sync + spec-check + spec-diff + docs + pytest
#                          (what CI runs, via .ci/run)
#   make count-lines       hand-written lines of extensions/toggl_focus per part and file
#                          (scripts/count_lines.py; `make lint` checks each part's ceiling)
#   make dist              build the wheel and sdist into dist/ (uv build: the wheel is built from
#                          the sdist) and check them: twine check, check-wheel-contents,
#                          scripts/check_dist.py
#   make test-wheel        the built wheel in fresh venvs, as users install it: Python 3.11 at the
#                          newest and at the lowest versions pyproject.toml allows, 3.12 and 3.13
#                          at the newest (scripts/wheel_matrix.py; what .ci/run runs after make test)
#   make demo | fake-server [PORT=8080] | bench | clean

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := test
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

PYTHON ?= python3
PORT ?= 8080
SPEC ?= openapi/focus.yaml

VENV := .venv
VENV_BIN := $(CURDIR)/$(VENV)/bin
# Recipes name the venv's python relatively, so the commands make echoes hold no local path.
PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.stamp
DEMO_STAMP := $(VENV)/.stamp-demo
NODE_STAMP := node_modules/.stamp

GENERATED_DIR := generated
PACKAGE := toggl_focus_api
LINT_PATHS := $(wildcard extensions scripts tests)
COVERAGE_TOOL := ../shared/tools/check-spec-coverage

# Tools run with the venv first on PATH, so codegen post hooks find the pinned ruff.
export PATH := $(VENV_BIN):$(CURDIR)/node_modules/.bin:$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Redocly CLI: no telemetry, no update notice (checked against @redocly/cli 2.77.0).
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

# Redocly CLI 2.77.0 prints a boxed "Node.js 20 support is ending" notice on every run under
# Node 20 (no option or variable turns it off). $(call redocly,...) runs it with stderr merged into
# stdout and drops that box (and the blank line around it) only; any other output, errors
# and other boxes included, passes unchanged, and pipefail keeps Redocly's exit status.
# $(call redocly,ARGS) is a whole recipe line: it echoes `redocly ARGS`, then runs it so.
redocly = @echo 'redocly $(1)'; redocly $(1) 2>&1 | awk '$(REDOCLY_FILTER)'
REDOCLY_FILTER := \
	box { buf = buf $$0 "\n"; if ($$0 ~ /╚/) { box = 0; if (buf !~ /Node\.js [0-9]+ support is ending/) printf "%s%s", held, buf; held = buf = ""; eat = 1 } next } \
	/╔/ { box = 1; buf = $$0 "\n"; next } \
	/^[[:space:]]*$$/ { if (eat) { eat = 0; next } printf "%s", held; held = $$0 "\n"; next } \
	{ eat = 0; printf "%s", held; held = ""; print } \
	END { printf "%s%s", held, buf }

# Config and custom templates live beside it: scripts/codegen/{config.yaml,templates/}.
GENERATE := scripts/codegen/generate.sh

.PHONY: $(VENV) node_modules client check-generated sync check-sync lint test demo fake-server bench count-lines clean
.PHONY: spec spec-check spec-diff docs python-docs dist test-wheel

# --- bootstrap ----------------------------------------------------------------------------

# `make .venv` / `make node_modules` are aliases of the stamp files, which record that the
# environment matches the pinned inputs (rebuilt when those change).
#
# Two levels in the same .venv: $(DEMO_STAMP) is the package with what it needs to run
# (httpx, attrs, and jsonschema for the fake server: the `testing` extra), all at the pins
# of requirements-dev.txt (used as constraints); `make demo` and `make fake-server` need
# nothing more. $(VENV_STAMP) adds the development toolchain (codegen, linters, pytest, ...)
# for everything else, and marks the demo level done too.
$(VENV): $(VENV_STAMP)
$(VENV_STAMP): requirements-dev.txt pyproject.toml
	@$(check_python)
	@[ -x $(VENV)/bin/python ] || { echo "==> creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	@echo "==> installing the development toolchain: $$(grep -cE '^[A-Za-z]' requirements-dev.txt) pinned packages from requirements-dev.txt (about a minute on a cold cache)"
	$(VENV)/bin/python -m pip install --quiet -r requirements-dev.txt
	@echo "==> installing toggl-focus itself (editable)"
	$(VENV)/bin/python -m pip install --quiet --no-deps -e .
	touch $(VENV_STAMP) $(DEMO_STAMP)

$(DEMO_STAMP): requirements-dev.txt pyproject.toml
	@$(check_python)
	@[ -x $(VENV)/bin/python ] || { echo "==> creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	@echo "==> installing what the demo needs: toggl-focus (editable) with httpx, attrs and jsonschema, pinned (not the dev toolchain)"
	$(VENV)/bin/python -m pip install --quiet -c requirements-dev.txt -e ".[testing]"
	touch $(DEMO_STAMP)

define check_python
$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	|| { echo "error: $(PYTHON) missing or older than 3.11 (set PYTHON=...)" >&2; exit 1; }
endef

node_modules: $(NODE_STAMP)
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm not found (need Node.js >= 20.19)" >&2; exit 1; }
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

# --- code generation ----------------------------------------------------------------------

# The editable install maps each top-level package found at install time; if toggl_focus_api
# did not exist then (first generation), install again so that it is importable.
client: $(VENV_STAMP)
	$(GENERATE) "$(SPEC)" "$(GENERATED_DIR)/$(PACKAGE)"
	$(PY) scripts/pagination_meta.py "$(SPEC)"
	$(PY) scripts/spec_data.py "$(SPEC)"
	@$(PY) -c "import $(PACKAGE)" 2>/dev/null || $(PY) -m pip install --quiet --no-deps -e .

# Regenerates into a temporary directory and compares; generated/ itself is not touched.
check-generated: $(VENV_STAMP)
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	if ! $(GENERATE) "$(SPEC)" "$$tmp/$(PACKAGE)" >"$$tmp/log" 2>&1; then \
		cat "$$tmp/log" >&2; echo "error: code generation from $(SPEC) failed" >&2; exit 1; \
	fi; \
	if ! diff -r -x __pycache__ "$$tmp/$(PACKAGE)" "$(GENERATED_DIR)/$(PACKAGE)"; then \
		echo "error: $(GENERATED_DIR)/$(PACKAGE) is out of date with $(SPEC) and the codegen config/templates." >&2; \
		echo "       Run 'make client' and commit the result (never edit $(GENERATED_DIR)/ by hand)." >&2; \
		exit 1; \
	fi; \
	$(PY) scripts/pagination_meta.py --check "$(SPEC)"; \
	$(PY) scripts/spec_data.py --check "$(SPEC)"; \
	echo "check-generated: $(GENERATED_DIR)/$(PACKAGE), extensions/toggl_focus/_wire/pagination_meta.py and _spec/focus.json match $(SPEC)"

# The sync client is generated from the async one: edit _async/, never _sync/. The script
# names directories absolutely; they are shown relative to the checkout (pipefail keeps its
# exit status).
sync: $(VENV_STAMP)
	@echo '$(PY) scripts/make_sync.py'; $(PY) scripts/make_sync.py | sed 's|$(CURDIR)/||g'

check-sync: $(VENV_STAMP)
	@echo '$(PY) scripts/make_sync.py --check'; $(PY) scripts/make_sync.py --check | sed 's|$(CURDIR)/||g'

# --- checks -------------------------------------------------------------------------------

lint: $(VENV_STAMP) $(NODE_STAMP)
	ruff check $(LINT_PATHS)
	ruff format --check $(LINT_PATHS)
	mypy
	lint-imports --no-cache --no-logo
	$(PY) scripts/count_lines.py --check
	openapi-spec-validator "$(SPEC)"
	$(PY) scripts/spec_decisions.py --check "$(SPEC)"
	@# Redocly exits 0 on warnings; the project allows none, so any warning fails lint.
	$(call redocly,lint --config redocly.yaml "$(SPEC)") | tee .redocly.log
	@! grep -Eq 'You have [0-9]+ warnings?' .redocly.log || { rm -f .redocly.log; echo "lint: Redocly reported warnings" >&2; exit 1; }
	@rm -f .redocly.log
	@if [ -f "$(COVERAGE_TOOL)" ]; then \
		echo "SPEC=$(SPEC) $(COVERAGE_TOOL)"; SPEC="$(SPEC)" $(PY) "$(COVERAGE_TOOL)"; \
	else \
		echo "lint: the shared spec coverage tool is not in this checkout; coverage check skipped"; \
	fi

# pytest exits 5 when it collects no test; that is reported, not treated as a failure.
test: lint check-generated check-sync spec-check spec-diff docs
	@rc=0; $(PY) -m pytest || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests were collected"; elif [ $$rc -ne 0 ]; then exit $$rc; fi

# --- the package as users get it ----------------------------------------------------------

# dist/ also holds the spec bundle and the docs; only the package files are replaced here.
DIST_FILES = dist/toggl_focus-*.whl dist/toggl_focus-*.tar.gz

dist: $(VENV_STAMP)
	rm -f $(DIST_FILES)
	uv build --quiet --out-dir dist .
	twine check --strict $(DIST_FILES)
	check-wheel-contents dist/toggl_focus-*.whl
	$(PY) scripts/check_dist.py $(DIST_FILES)

# uv is the dev venv's (pinned); the interpreters are found on PATH or under pyenv.
test-wheel: dist
	$(PY) scripts/wheel_matrix.py dist/toggl_focus-*.whl --uv $(VENV_BIN)/uv

# --- the spec for other languages ---------------------------------------------------------

SPEC_DIST := dist/spec
SPEC_CHECK_DIR := build/spec-check
DOCS_DIR := dist/docs

# The artifact other-language teams consume: $(SPEC) bundled into one self-contained file.
spec: $(VENV_STAMP) $(NODE_STAMP)
	$(call redocly,bundle --config redocly.yaml "$(SPEC)" -o $(SPEC_DIST)/focus.yaml)
	$(call redocly,bundle --config redocly.yaml "$(SPEC)" -o $(SPEC_DIST)/focus.json)
	$(PY) scripts/spec_check.py bundle "$(SPEC)" $(SPEC_DIST)/focus.yaml $(SPEC_DIST)/focus.json

# Generators of other languages must accept the bundle without errors (no
# --skip-validate-spec) and name every model after components.schemas: openapi-typescript's
# types must compile against clients/typescript-check/usage.ts, and openapi-generator's
# typescript-fetch and go clients must have no anonymous model (scripts/spec_check.py).
# tsc also type-checks the whole generated typescript-fetch client (strict).
spec-check: spec
	@command -v java >/dev/null || { echo "error: java not found (openapi-generator needs Java >= 11; Debian: apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
	rm -rf $(SPEC_CHECK_DIR) && mkdir -p $(SPEC_CHECK_DIR)
	openapi-typescript $(SPEC_DIST)/focus.yaml --redocly clients/typescript-check/redocly.yaml \
		-o $(SPEC_CHECK_DIR)/openapi-typescript/focus.ts 2>&1 | tee $(SPEC_CHECK_DIR)/openapi-typescript.log
	$(PY) scripts/spec_check.py generated openapi-typescript $(SPEC_DIST)/focus.yaml \
		$(SPEC_CHECK_DIR)/openapi-typescript/focus.ts $(SPEC_CHECK_DIR)/openapi-typescript.log
	$(call openapi_generate,typescript-fetch,)
	$(call openapi_generate,go,--additional-properties=packageName=focus --git-user-id=toggl-focus --git-repo-id=focus-go)
	tsc --noEmit -p clients/typescript-check
	@# The Go example is compiled where Go (>= 1.23) is installed; the CI image has none.
	@if command -v go >/dev/null; then \
		echo "cd clients/go-check && go vet ."; cd clients/go-check && GOTOOLCHAIN=local go vet .; \
	else \
		echo "spec-check: go not on PATH; the generated Go client and clients/go-check are not compiled"; \
	fi
	@echo "spec-check: openapi-typescript, typescript-fetch and go accept $(SPEC_DIST)/focus.yaml"

# $(call openapi_generate,GENERATOR,EXTRA_ARGS): generate into $(SPEC_CHECK_DIR)/GENERATOR, log
# aside (shown only on failure), then check the log and the model names.
define openapi_generate
@echo "openapi-generator-cli generate -g $(1) -i $(SPEC_DIST)/focus.yaml -o $(SPEC_CHECK_DIR)/$(1) $(2)"
@openapi-generator-cli generate -g $(1) -i $(SPEC_DIST)/focus.yaml -o $(SPEC_CHECK_DIR)/$(1) $(2) \
	>$(SPEC_CHECK_DIR)/$(1).log 2>&1 \
	|| { cat $(SPEC_CHECK_DIR)/$(1).log >&2; echo "error: openapi-generator $(1) failed" >&2; exit 1; }
$(PY) scripts/spec_check.py generated $(1) $(SPEC_DIST)/focus.yaml $(SPEC_CHECK_DIR)/$(1) $(SPEC_CHECK_DIR)/$(1).log
endef

# Breaking-change guard; exits 1 when info.version's bump is too small for the changes.
spec-diff: $(VENV_STAMP)
	$(PY) scripts/spec_diff.py --spec "$(SPEC)" $(if $(BASE),--base "$(BASE)")

# Redoc with its scripts inlined (--inlineBundle): the page loads nothing from a CDN. Its top
# links to the Python reference (python-docs), which sits beside it in $(DOCS_DIR)/python.
docs: $(NODE_STAMP) python-docs
	$(call redocly,build-docs --config redocly.yaml "$(SPEC)" --inlineBundle -o $(DOCS_DIR)/index.html)
	@sed -i '0,/<body>/s||<body><p style="margin:0;padding:8px 16px;font-family:sans-serif"><a href="python/index.html">Python API reference (toggl_focus)</a></p>|' $(DOCS_DIR)/index.html
	@grep -q 'href="python/index.html"' $(DOCS_DIR)/index.html \
		|| { echo "error: no <body> in $(DOCS_DIR)/index.html to link the Python reference from" >&2; exit 1; }
	@! grep -Eq '<script[^>]+src=|<link[^>]+href="https?:' $(DOCS_DIR)/index.html $(DOCS_DIR)/python/*.html \
		|| { echo "error: $(DOCS_DIR) loads an external script or stylesheet" >&2; exit 1; }
	@echo "docs: $(DOCS_DIR)/index.html (HTTP reference) and $(DOCS_DIR)/python/index.html (Python)"

# The Python API reference, with pdoc (pinned), from the docstrings of the public modules:
# the package's names (`Focus` and `AsyncFocus` once each, on the `toggl_focus` page), the
# fake and its pytest plugin, the probe, the generated models the methods return, and the
# resources (`focus.ghosts`, ...), whose classes have no public name, from the sync client
# only (the async one mirrors it method for method; no `_async` page). Lazily loaded names
# (PEP 562 `__getattr__`) are resolved first, since pdoc reads a module's `__dict__`; any
# pdoc warning (a name that does not resolve) fails the build.
PYTHON_DOC_MODULES := toggl_focus toggl_focus.errors toggl_focus.embody toggl_focus.pagination \
	toggl_focus.quota toggl_focus.testing toggl_focus.testing.pytest_plugin toggl_focus.probe \
	toggl_focus._sync.ghosts toggl_focus._sync.organization toggl_focus._sync.working_hours \
	toggl_focus_api.models
python-docs: $(VENV_STAMP)
	rm -rf $(DOCS_DIR)/python
	$(PY) -W error -c 'import importlib, pathlib, sys, pdoc, pdoc.render; \
		mods = [importlib.import_module(m) for m in sys.argv[2:]]; \
		[vars(m).update({n: getattr(m, n) for n in getattr(m, "__all__", ())}) for m in mods]; \
		pdoc.render.configure(docformat="markdown", footer_text="toggl-focus"); \
		pdoc.pdoc(*sys.argv[2:], output_directory=pathlib.Path(sys.argv[1]))' \
		$(DOCS_DIR)/python $(PYTHON_DOC_MODULES)

# --- running ------------------------------------------------------------------------------

demo: $(DEMO_STAMP)
	$(PY) -m toggl_focus.demo

fake-server: $(DEMO_STAMP)
	$(PY) -m toggl_focus.testing --port $(PORT)

# About 7 minutes on 2 cores: timings on pyperf (one worker process per contender and round),
# then rewrites docs/benchmarks.md and the README's figures. `$(PY) scripts/bench.py --quick`
# is a one-minute smoke run that writes nothing; the request counts are tests
# (tests/test_request_counts.py).
bench: $(VENV_STAMP)
	$(PY) scripts/bench.py

count-lines: $(VENV_STAMP)
	$(PY) scripts/count_lines.py --files

clean:
	rm -rf $(VENV) node_modules build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
	rm -rf $(GENERATED_DIR)/.codegen.*
	find . -name __pycache__ -type d -not -path './.git/*' -prune -exec rm -rf {} +
	find . -name '*.egg-info' -type d -not -path './.git/*' -prune -exec rm -rf {} +
