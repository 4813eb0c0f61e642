package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make run}'s process, started with an environment of a test's own: its functions read that
 * configuration whatever other tests configured in theirs. Ctrl-C stops it, as a person would.
 */
final class LocalApiRun implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("ready on (http://[0-9.]+:[0-9]+)");
    private static final Duration START = Duration.ofSeconds(120);

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private LocalApiRun(Process process) {
        this.process = process;
    }

    /** Starts the local API in {@code workDir} with {@code environment} on top of this JVM's. */
    static LocalApiRun start(Path workDir, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalApi.class.getName()))
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment()
                .put("TEMPLATE", RepositoryRoot.path().resolve("template.yaml").toString());
        builder.environment().put("PORT", "0");
        builder.environment().putAll(environment);
        LocalApiRun run = new LocalApiRun(builder.start());
        Thread reader = new Thread(run::readOutput, "local-api-run-output");
        reader.setDaemon(true);
        reader.start();
        return run;
    }

    /** Where it serves, once it says it is ready (at most two minutes on a loaded machine). */
    URI awaitReady() {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            for (String line : output) {
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    return URI.create(ready.group(1));
                }
            }
            if (!process.isAlive()) {
                fail("the local API exited before it was ready:\n" + output());
            }
            awaitOutputChange(Duration.ofMillis(200));
        }
        return fail("no ready line within " + START.toSeconds() + " s:\n" + output());
    }

    /** Every line it printed so far. */
    List<String> lines() {
        return List.copyOf(output);
    }

    /** Its last lines, for a failure's message. */
    String output() {
        List<String> lines = lines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private void awaitOutputChange(Duration atMost) {
        synchronized (output) {
            try {
                output.wait(atMost.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void readOutput() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                synchronized (output) {
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
