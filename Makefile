# The build entry point. `make demo` and `make test` each install what is missing first.
.PHONY: setup setup-test build demo test bench bench-seg eval fuzz clean

setup:
	bash scripts/setup.sh

setup-test:
	bash scripts/setup.sh --test

build: setup
	bash scripts/build.sh

# Serves dist/ on http://127.0.0.1:8080 with the sample speech loaded.
demo: build
	node scripts/serve.mjs dist 8080

test: setup-test
	bash scripts/build.sh
	bash scripts/test.sh

bench: setup-test
	bash scripts/build.sh
	node bench/run.mjs

# Segmentation accuracy (precision/recall/F1) against the PKU People's Daily gold, with and without the lexicon.
bench-seg:
	cargo run --release --example seg_f1 -- $$(bash bench/seg/fetch-gold.sh) $$(node scripts/jieba-source.mjs dict.txt)

# The analysis against a reader's annotations of real texts and judgements of its slogans (eval/README.md):
# FILE=texts.jsonl, VERBOSE=1 for every miss, HALF=tune or HALF=validate for one half of the corpus (even or
# odd 0-based lines: tune rules on the one, report both).
FILE ?= ../shared/corpus/dev/people-2020.jsonl
ANNOTATIONS ?= eval/people-2020.jsonl
SLOGAN_LABELS ?= eval/slogans-people-2020.jsonl
eval:
	cargo run -q --release --example eval -- $(FILE) $(ANNOTATIONS) $(SLOGAN_LABELS) $(if $(VERBOSE),--verbose) $(if $(HALF),--half=$(HALF))

# Coverage-guided fuzzing of analyze, growing fuzz/corpus/analyze; FUZZ_SECONDS=3600 for a long run.
fuzz: setup-test
	cd fuzz && cargo +nightly fuzz run -O analyze corpus/analyze ../tests/fixtures -- -dict=speech.dict \
	  -max_total_time=$${FUZZ_SECONDS:-600} -timeout=20 -print_final_stats=1

clean:
	rm -rf pkg dist target tests/out bench/out
