# The two commands: `make run` and `make test`. Each installs what is missing
# (as root, from Debian's packages), configures once and builds incrementally
# in build/ (Release).

BUILD_DIR ?= build
JOBS ?= $(shell nproc)
VNKG := $(BUILD_DIR)/app/vnkg
# The database `make run` builds; see README for the default of `vnkg` itself.
RUN_DB ?= $(BUILD_DIR)/examples.db

.PHONY: all deps configure build run test check bench clean fuzz factdiff sanity
ASAN_DIR ?= build-asan

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release

configure: $(BUILD_DIR)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Builds a graph of examples/ and prints each event's bridge points.
run: build
	@rm -rf $(RUN_DB)  # a demo database, made anew: one left by an older schema would be refused
	@$(VNKG) ingest --db $(RUN_DB) examples/articles
	@$(VNKG) bridges --db $(RUN_DB)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
check: deps
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNKG_SANITIZE=ON
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR)

# libFuzzer targets (fuzz/), in a clang build of their own with ASan and UBSan.
# Each runs FUZZ_SECONDS on its corpus in $(FUZZ_DIR)/corpus/ (the seeds from
# fuzz/make_seeds.py, plus what earlier runs found); all three run, and any
# crash, leak, UB, timeout or broken invariant fails the target with its input
# saved in $(FUZZ_DIR)/artifacts/. Full logs in $(FUZZ_DIR)/logs/.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := fuzz_document_reader fuzz_jsonl fuzz_sparql
# Longest input per target: over the longest seed article; JSON Lines of a few
# records; a query several times the longest test query.
FUZZ_MAX_LEN_fuzz_document_reader := 16384
FUZZ_MAX_LEN_fuzz_jsonl := 8192
FUZZ_MAX_LEN_fuzz_sparql := 4096

fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNKG_FUZZ=ON -DBUILD_TESTING=OFF
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target $(FUZZ_TARGETS)
	python3 fuzz/make_seeds.py $(FUZZ_DIR)/corpus
	@mkdir -p $(FUZZ_DIR)/artifacts $(FUZZ_DIR)/logs
	@failed=""; \
	$(foreach t,$(FUZZ_TARGETS), \
	  echo "== $(t): $(FUZZ_SECONDS) s"; \
	  if $(FUZZ_DIR)/fuzz/$(t) $(FUZZ_DIR)/corpus/$(t) -dict=$(FUZZ_DIR)/corpus/$(t).dict \
	      -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -max_len=$(FUZZ_MAX_LEN_$(t)) -timeout=30 \
	      -artifact_prefix=$(FUZZ_DIR)/artifacts/$(t)- -print_final_stats=1 > $(FUZZ_DIR)/logs/$(t).log 2>&1; \
	  then grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added)' $(FUZZ_DIR)/logs/$(t).log; \
	  else failed="$$failed $(t)"; tail -n 80 $(FUZZ_DIR)/logs/$(t).log; fi;) \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed (inputs in $(FUZZ_DIR)/artifacts/)" >&2; exit 1; fi

# Benchmarks (not part of `make test`): the corpus and slices of it; prints a
# table and writes build/bench/results.json. See docs/performance.md.
# EXTRACT_BASE=path/to/other/vnkg adds its extraction MB/s/core and the ratio,
# measured alternately in the same run; BENCH_ARGS="--extract-only --slices 10"
# measures extraction alone.
bench: build
	python3 bench/run.py --vnkg $(VNKG) --corpus ../shared/corpus/news.jsonl.zst --out $(BUILD_DIR)/bench/results.json \
	  $(if $(EXTRACT_BASE),--extract-baseline $(EXTRACT_BASE)) $(BENCH_ARGS)

# The fact diff of a change to the extractor (scripts/factdiff.py): builds
# BASE (a git revision, default HEAD) in a worktree of its own under
# build/factdiff (kept, so the next diff rebuilds only what changed), runs both
# `vnkg extract` over the whole corpus and prints the facts gained and lost
# per predicate, with samples and their evidence. Read it before committing a rule.
BASE ?= HEAD
CORPUS ?= ../shared/corpus/news.jsonl.zst
FACTDIFF_DIR := $(BUILD_DIR)/factdiff
factdiff: build
	git worktree prune
	@rev=$$(git rev-parse --verify '$(BASE)^{commit}') || exit 1; \
	if [ -e $(FACTDIFF_DIR)/src/.git ]; then git -C $(FACTDIFF_DIR)/src checkout -q --detach $$rev; \
	else git worktree add -q --detach $(FACTDIFF_DIR)/src $$rev; fi
	cmake -S $(FACTDIFF_DIR)/src -B $(FACTDIFF_DIR)/build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
	cmake --build $(FACTDIFF_DIR)/build -j $(JOBS) --target vnkg >/dev/null
	@# The current build and its data are copied so that edits during the run do not change them.
	cp $(VNKG) $(FACTDIFF_DIR)/vnkg-new
	rm -rf $(FACTDIFF_DIR)/data-new && cp -r extract/data $(FACTDIFF_DIR)/data-new
	python3 scripts/factdiff.py --base $(FACTDIFF_DIR)/build/app/vnkg --base-data $(FACTDIFF_DIR)/src/extract/data \
	  --new $(FACTDIFF_DIR)/vnkg-new --new-data $(FACTDIFF_DIR)/data-new --corpus $(CORPUS) $(FACTDIFF_ARGS)

# The sanity report on the whole corpus (scripts/sanity_report.py): the
# people with the most distinct offices, the events with the most sources,
# offices dated outside their article's time, over-long names. Each line is
# a thing to read.
sanity: build
	python3 scripts/sanity_report.py --vnkg $(VNKG) --corpus $(CORPUS) --db $(BUILD_DIR)/sanity.db
