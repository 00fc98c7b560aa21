# The build entry point. `make demo` and `make test` each install what is missing first.
.PHONY: setup setup-test build demo test test-rust test-node test-browser bench fuzz clean

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

clean:
	rm -rf pkg dist target tests/out bench/out
