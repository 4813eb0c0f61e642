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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code make run}'s own process for a test, started as the Makefile starts it ({@code java -cp … LocalApi},
 * here with the tests' class path) in a folder of the test's, with the repository's template and the
 * environment the test gives, its output (standard output and error) kept line by line, and stopped with
 * Ctrl-C. Register it in a static field with {@code @RegisterExtension}: a process started in a test is
 * stopped after that test, one started in {@code @BeforeAll} after the class, whatever happened meanwhile, and
 * whatever it started (moto, browsers) is killed if it outlives it.
 */
final class MakeRun implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final Pattern READY = Pattern.compile("ready on (http://[0-9.]+:[0-9]+)");
    private static final Duration STOP = Duration.ofSeconds(30);

    private final List<Started> forTheClass = new CopyOnWriteArrayList<>();
    private final List<Started> forTheTest = new CopyOnWriteArrayList<>();
    private volatile boolean inATest;

    /**
     * Starts the process in {@code workDir} with the test JVM's environment less {@code DYNAMODB_ENDPOINT}
     * (so that it starts a moto of its own unless {@code environment} names one), plus {@code environment}.
     */
    Started start(Path workDir, Map<String, String> environment) throws IOException {
        Started started = launch(workDir, environment);
        (inATest ? forTheTest : forTheClass).add(started);
        return started;
    }

    /** As {@link #start}, for a caller that stops it itself ({@link LocalApiRun}). */
    static Started launch(Path workDir, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalApi.class.getName()))
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("DYNAMODB_ENDPOINT");
        builder.environment()
                .put("TEMPLATE", RepositoryRoot.path().resolve("template.yaml").toString());
        builder.environment().putAll(environment);
        return new Started(builder.start());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        inATest = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        inATest = false;
        stopAll(forTheTest);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopAll(forTheClass);
    }

    private static void stopAll(List<Started> processes) {
        processes.forEach(Started::close);
        processes.clear();
    }

    /** One started process: its output, its readiness, its end. */
    static final class Started implements AutoCloseable {

        private final Process process;
        private final List<String> output = new CopyOnWriteArrayList<>();
        private final Object printed = new Object();
        private final Thread reader;

        private Started(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "make-run-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        Process process() {
            return process;
        }

        /** Every line printed so far. */
        List<String> output() {
            return List.copyOf(output);
        }

        /** The base URL of its ready line, once printed; fails if it exits first or is not ready within {@code atMost}. */
        URI awaitReady(Duration atMost) {
            Instant deadline = Instant.now().plus(atMost);
            while (Instant.now().isBefore(deadline)) {
                for (String line : output) {
                    Matcher ready = READY.matcher(line);
                    if (ready.find()) {
                        return URI.create(ready.group(1));
                    }
                }
                if (!process.isAlive()) {
                    awaitOutputChange(Duration.ofMillis(200));
                    if (output.stream().noneMatch(line -> READY.matcher(line).find())) {
                        fail("make run exited before it was ready:\n" + tail());
                    }
                }
                awaitOutputChange(Duration.ofMillis(200));
            }
            return fail("no ready line within " + atMost.toSeconds() + " s:\n" + tail());
        }

        /** Waits for a line {@code line} accepts; fails after {@code within}, naming {@code what}. */
        void awaitOutput(Predicate<String> line, String what, Duration within) {
            Instant deadline = Instant.now().plus(within);
            while (output.stream().noneMatch(line)) {
                if (Instant.now().isAfter(deadline)) {
                    fail("not within " + within.toSeconds() + " s: " + what + "\n" + tail());
                }
                awaitOutputChange(Duration.ofMillis(200));
            }
        }

        /** Waits at most {@code atMost} for it to exit and for all it printed to be read; false if it still runs. */
        boolean awaitExit(Duration atMost) throws InterruptedException {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            reader.join(Duration.ofSeconds(10).toMillis());
            return true;
        }

        /** Ctrl-C, as a person stops {@code make run}. */
        void ctrlC() throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .start()
                    .waitFor();
        }

        /** The last lines printed, for a failure's message. */
        String tail() {
            List<String> lines = output();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        }

        /** Ctrl-C and a bounded wait; then whatever is left of it and of what it started is killed. */
        @Override
        public void close() {
            List<ProcessHandle> started = new ArrayList<>(process.descendants().toList());
            try {
                if (process.isAlive()) {
                    ctrlC();
                    process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                // killed below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            started.addAll(process.descendants().toList());
            process.destroyForcibly();
            started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }

        /** Waits for another line, at most {@code atMost}. */
        void awaitOutputChange(Duration atMost) {
            synchronized (printed) {
                try {
                    printed.wait(atMost.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        // Read to the end whatever the test does, so that a chatty log never blocks the service.
        private void read() {
            try (var lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    synchronized (printed) {
                        printed.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }
    }
}
