package com.profilepictures.bootstrap.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code make run}'s process, started with an environment of a test's own on a port of its own, for a test that
 * stops it itself (try-with-resources): its functions read that configuration whatever other tests configured in
 * theirs. The process is {@link MakeRun}'s; Ctrl-C stops it, as a person would.
 */
final class LocalApiRun implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(120);

    private final MakeRun.Started process;

    private LocalApiRun(MakeRun.Started process) {
        this.process = process;
    }

    /** Starts the local API in {@code workDir} with {@code environment} on top of this JVM's. */
    static LocalApiRun start(Path workDir, Map<String, String> environment) throws IOException {
        Map<String, String> onAnyPort = new HashMap<>(Map.of("PORT", "0"));
        onAnyPort.putAll(environment);
        return new LocalApiRun(MakeRun.launch(workDir, onAnyPort));
    }

    /** Where it serves, once it says it is ready (at most two minutes on a loaded machine). */
    URI awaitReady() {
        return process.awaitReady(START);
    }

    /** Every line it printed so far. */
    List<String> lines() {
        return process.output();
    }

    /** Its last lines, for a failure's message. */
    String output() {
        return process.tail();
    }

    @Override
    public void close() {
        process.close();
    }
}
