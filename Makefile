# The two commands a newcomer needs:  make run  (the API on http://127.0.0.1:3000)  and  make test.
# Both install what they need on a fresh Debian machine (root): Chromium, chromedriver, moto, cfn-lint;
# make test and make bench also a container engine (Podman where no Docker daemon answers), see
# scripts/with-container-engine.sh.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# The build and the tests need a JDK 21+ (the classes are built with --release 21): scripts/jdk-home.sh finds
# one (JAVA_HOME, /usr/lib/jvm) or installs one from the distribution's packages, or says what to install.
ifneq ($(MAKECMDGOALS),clean)
JAVA_HOME := $(shell bash scripts/jdk-home.sh)
ifeq ($(strip $(JAVA_HOME)),)
$(error no JDK 21 or newer; see the message above)
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
endif
MVN := ./mvnw -B -ntp
# One build at a time in this tree: make run and make demo-site started together in two terminals would
# otherwise write the same target/ folders at once (one deleting generated sources the other compiles).
# The second waits for the first; flock is util-linux's, on every Debian machine.
BUILD_LOCK := flock .local/build.lock
LOCAL_API_CP := bootstrap/local-api/target/local-api.jar:bootstrap/local-api/target/lib/*
DEMO_PORT ?= 8081

.PHONY: run test deps build demo-site lint bench clean

## run: serve the API locally on $PORT (3000), with its own moto_server unless DYNAMODB_ENDPOINT is set
run: deps build
	exec java -XX:TieredStopAtLevel=1 -cp '$(LOCAL_API_CP)' com.profilepictures.bootstrap.local.LocalApi

## test: every test (unit, contract, adapters on real moto and Chromium, end to end, the scrape image run as
## Lambda runs it), the template lint, and the README's demo on a fresh clone (scripts/demo-check.sh)
test: deps lint
	@mkdir -p .local
	$(BUILD_LOCK) scripts/with-container-engine.sh $(MVN) verify
	scripts/demo-check.sh

## demo-site: a small stand-in for x.com with sample profiles, on $DEMO_PORT (see README); builds only the site.
## POST /_demo/change/{handle} to it gives a profile a new picture, for a refresh to find (docs/operating.md)
demo-site:
	@mkdir -p .local
	$(BUILD_LOCK) $(MVN) -q -pl fixture-site -am compile
	exec java -cp 'fixture-site/target/classes' com.profilepictures.fixturesite.FixtureSite $(DEMO_PORT)

## bench: cold start, warm latency, scrape time, package size and the scrape image's cold start; writes bench/RESULTS.md
bench: deps build
	scripts/with-container-engine.sh bench/run.sh

lint: deps
	cfn-lint template.yaml

build:
	@mkdir -p .local
	$(BUILD_LOCK) $(MVN) -q -DskipTests install

deps:
	@bash scripts/install-deps.sh

clean:
	@mkdir -p .local
	$(BUILD_LOCK) $(MVN) -q clean
