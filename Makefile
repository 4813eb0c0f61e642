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
LOCAL_API_CP := bootstrap/local-api/target/local-api.jar:bootstrap/local-api/target/lib/*
DEMO_PORT ?= 8081

.PHONY: run test deps build demo-site lint bench clean

## run: serve the API locally on $PORT (3000), with its own moto_server unless DYNAMODB_ENDPOINT is set
run: deps build
	exec java -XX:TieredStopAtLevel=1 -cp '$(LOCAL_API_CP)' com.profilepictures.bootstrap.local.LocalApi

## test: every test (unit, contract, adapters on real moto and Chromium, end to end, the scrape image run as
## Lambda runs it) and the template lint
test: deps lint
	scripts/with-container-engine.sh $(MVN) verify

## demo-site: a small stand-in for x.com with sample profiles, on $DEMO_PORT (see README)
demo-site: build
	exec java -cp 'fixture-site/target/classes' com.profilepictures.fixturesite.FixtureSite $(DEMO_PORT)

## bench: cold start, warm latency, scrape time, package size and the scrape image's cold start; writes bench/RESULTS.md
bench: deps build
	scripts/with-container-engine.sh bench/run.sh

lint: deps
	cfn-lint template.yaml

build:
	$(MVN) -q -DskipTests install

deps:
	@bash scripts/install-deps.sh

clean:
	$(MVN) -q clean
