SHELL := /bin/bash
# credwatch — see README.md. `make test` is what CI runs.
GO        ?= go
BIN       := bin/credwatch
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME  ?= 60s
# Tests that print measured figures run verbose so the figures are shown.
FIGURES   := ^TestFault|^TestFigure

.PHONY: all deps build test test-unit test-fault bench bench-history fuzz lint demo clean assets dashboards chdb

all: build

## deps: install clickhouse-server/client (Debian, as root) when missing
deps:
	@if command -v clickhouse-server >/dev/null 2>&1; then \
		echo "clickhouse-server: $$(command -v clickhouse-server)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server clickhouse-client; \
	else \
		echo "clickhouse-server is missing; install it with:"; \
		echo "  sudo apt-get update && sudo apt-get install -y clickhouse-server clickhouse-client"; \
		exit 1; \
	fi
	$(GO) mod download

# chDB's build of ClickHouse 26.7 as a library, from npm, checked against
# its pinned digest: the tests run credwatch's migrations, inserts and
# queries on it, the one ClickHouse newer than Debian's 18.16 a machine here
# can get.
CHDB_PKG       := @chdb/lib-linux-x64-gnu@26.7.3-stable.1
CHDB_INTEGRITY := sha512-XP97mMqnc5tZpKQywR8N7cLTsHNiTmHr30pC5mzo3jWmukjKn2IBa60c2B/gWUNcuFjOMjWoorQICCqBVj5wpw==
CHDB_LIB       ?= /usr/local/lib/libchdb.so

## chdb: install chDB's libchdb.so (ClickHouse 26.7 as a library, ~570 MB) for the modern-server tests
chdb:
	@set -euo pipefail; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	cd "$$tmp" && npm pack --silent "$(CHDB_PKG)" >/dev/null; \
	got="sha512-$$(openssl dgst -sha512 -binary ./*.tgz | base64 -w0)"; \
	if [ "$$got" != "$(CHDB_INTEGRITY)" ]; then echo "chdb: digest $$got is not the pinned one" >&2; exit 1; fi; \
	tar -xzf ./*.tgz package/libchdb.so && install -D -m 0755 package/libchdb.so "$(CHDB_LIB)"; \
	echo "installed $(CHDB_LIB)"

WEB := console/web
VENDOR := $(WEB)/static/vendor

## assets: install the console's pinned browser libraries (npm ci) and copy their built files into console/web/static/vendor (committed)
assets:
	cd $(WEB) && npm ci --ignore-scripts --no-audit --no-fund
	mkdir -p $(VENDOR)
	cp $(WEB)/node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx.min.js
	cp $(WEB)/node_modules/htmx.org/LICENSE $(VENDOR)/htmx.LICENSE
	cp $(WEB)/node_modules/uplot/dist/uPlot.iife.min.js $(VENDOR)/uPlot.iife.min.js
	cp $(WEB)/node_modules/uplot/dist/uPlot.min.css $(VENDOR)/uPlot.min.css
	cp $(WEB)/node_modules/uplot/LICENSE $(VENDOR)/uPlot.LICENSE

## dashboards: regenerate the Grafana dashboards' JSON in dashboards/ from their code (package dashboards)
dashboards:
	$(GO) run ./cmd/credwatch-dashboards -out dashboards

## build: compile bin/credwatch
build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/credwatch

## test: every test, against real ClickHouse and the in-process Kafka broker
test: test-unit test-fault

test-unit:
	$(GO) test -count=1 -timeout 10m -skip '$(FIGURES)' ./...

# One package at a time: the figures (attack→revocation latency, rates)
# are measured with the machine to themselves, not beside the fault tests.
test-fault:
	$(GO) test -p 1 -count=1 -timeout 10m -v -run '$(FIGURES)' ./ingest/ ./detect/live/ ./respond/ ./allinone/ 2>&1 | grep -v '^=== ' ; exit $${PIPESTATUS[0]}

BENCH_EVENTS ?= 1000000

## bench: Go micro-benchmarks, the ingest and detection table (BENCH_EVENTS events), console query latency over 10M stored events, live alert latency
bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) run ./cmd/credwatch-bench --events $(BENCH_EVENTS) --binary $(BIN)
	$(GO) test -count=1 -run '^TestFigure' -v ./detect/live/ | grep 'figure:'  # live event→alert latency p50/p99
	$(GO) test -count=1 -run '^TestFigureAttackToRevocation' -v ./allinone/ | grep 'figure:'  # attack→revocation p50/p99

## bench-history: the console's and investigators' queries over HISTORY_EVENTS stored events (default 100M; made inside ClickHouse), p50/p99 and bytes read
HISTORY_EVENTS ?= 100000000
bench-history:
	$(GO) run ./cmd/credwatch-bench --only console --console $(HISTORY_EVENTS) --requests 20

## fuzz: run the decoder and redaction fuzz targets for FUZZTIME each
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime $(FUZZTIME) ./ingest/decode/
	$(GO) test -run '^$$' -fuzz FuzzRedact -fuzztime $(FUZZTIME) ./redact/

## lint: go vet, staticcheck, gofmt
lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }

## demo: everything on embedded defaults (installs clickhouse-server first when missing)
demo: deps build
	$(BIN) run

clean:
	rm -rf bin
