# The two commands: `make run` and `make test`. Each installs what is missing
# (as root, from Debian's packages), configures once and builds incrementally
# in build/ (Release).

BUILD_DIR ?= build
JOBS ?= $(shell nproc)
VNKG := $(BUILD_DIR)/app/vnkg
# The database `make run` builds; see README for the default of `vnkg` itself.
RUN_DB ?= $(BUILD_DIR)/examples.db

.PHONY: all deps configure build run test check bench clean
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
	rm -rf $(BUILD_DIR) $(ASAN_DIR)

# Benchmarks (not part of `make test`): the corpus and slices of it; prints a
# table and writes build/bench/results.json. See docs/performance.md.
bench: build
	python3 bench/run.py --vnkg $(VNKG) --corpus ../shared/corpus/news.jsonl.zst --out $(BUILD_DIR)/bench/results.json
