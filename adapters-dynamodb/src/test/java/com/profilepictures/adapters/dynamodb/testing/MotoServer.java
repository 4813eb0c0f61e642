package com.profilepictures.adapters.dynamodb.testing;

import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real local DynamoDB-compatible server for tests: a {@code moto_server} process on a free loopback
 * port, which a test can also pause ({@code SIGSTOP}), resume, kill and restart on the same port to
 * play an outage.
 *
 * <pre>{@code
 * MotoServer server = MotoServer.shared();                 // one per JVM, or DYNAMODB_ENDPOINT's server
 * DynamoDbClient client = DynamoDbClients.create(server.settings(MotoServer.uniqueTableName("pictures")));
 *
 * try (MotoServer own = MotoServer.start()) {              // a private process, for fault tests
 *     own.pause(); ... own.resume(); own.kill(); own.restartOnSamePort();
 * }
 * }</pre>
 *
 * Needs {@code moto_server} on the {@code PATH} ({@code pip install 'moto[server]'}) unless
 * {@code DYNAMODB_ENDPOINT} names a running server for {@link #shared()}.
 */
public final class MotoServer implements AutoCloseable {

    /** When set, {@link #shared()} uses the server at this URL instead of starting one. */
    public static final String ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";
    /** Moto accepts any region; the tests all use this one so that they see the same tables. */
    public static final String REGION = "us-east-1";

    private static final String COMMAND = "moto_server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int PORT_ATTEMPTS = 3;

    private static MotoServer shared;

    private final URI endpoint;
    private final int port;
    private final Optional<Path> log;
    private Process process;

    private MotoServer(URI endpoint, int port, Optional<Path> log) {
        this.endpoint = endpoint;
        this.port = port;
        this.log = log;
    }

    /**
     * The server every test in this JVM shares: the one {@value #ENDPOINT_VARIABLE} names if set, else a
     * moto_server started on first use and stopped when the JVM exits. Tests sharing it keep apart by
     * using their own tables ({@link #uniqueTableName}); they must not pause or kill it.
     */
    public static synchronized MotoServer shared() {
        if (shared == null) {
            Optional<URI> external = Optional.ofNullable(System.getenv(ENDPOINT_VARIABLE))
                    .filter(value -> !value.isBlank())
                    .map(URI::create);
            if (external.isPresent()) {
                MotoServer server = new MotoServer(external.get(), external.get().getPort(), Optional.empty());
                server.awaitAnswer(Instant.now().plus(START_TIMEOUT));
                shared = server;
            } else {
                MotoServer server = start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-server-stop"));
                shared = server;
            }
        }
        return shared;
    }

    /** Starts a private moto_server on a free loopback port and returns once it answers HTTP. */
    public static MotoServer start() {
        IllegalStateException lastFailure = null;
        // Another process may take the free port between finding it and moto binding it; then try another.
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            Path log = createLog(port);
            MotoServer server = new MotoServer(URI.create("http://127.0.0.1:" + port), port, Optional.of(log));
            try {
                server.launch();
                return server;
            } catch (IllegalStateException e) {
                server.close();
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /** A table name no other test uses, so that tests sharing a server need no clean-up. */
    public static String uniqueTableName(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return port;
    }

    /** True when this is {@value #ENDPOINT_VARIABLE}'s server, which this class cannot pause, kill or restart. */
    public boolean isExternal() {
        return log.isEmpty();
    }

    /** Settings that reach this server with dummy credentials. */
    public DynamoDbSettings settings(String tableName) {
        return new DynamoDbSettings(tableName, REGION, Optional.of(endpoint), DynamoDbSettings.CredentialsSource.DUMMY);
    }

    /** Freezes the server ({@code SIGSTOP}): it keeps accepting connections but answers nothing. */
    public synchronized void pause() {
        signal("STOP");
        awaitState(true);
    }

    /** Lets a paused server run again ({@code SIGCONT}). */
    public synchronized void resume() {
        signal("CONT");
        awaitState(false);
    }

    /** Kills the server at once ({@code SIGKILL}), losing every table: connections are then refused. */
    public synchronized void kill() {
        Process running = ownProcess();
        List<ProcessHandle> all = processTree(running);
        all.forEach(ProcessHandle::destroyForcibly);
        awaitExit(running);
    }

    /** Starts a new, empty server on this port (killing the old one if it still runs). */
    public synchronized void restartOnSamePort() {
        if (ownProcess().isAlive()) {
            kill();
        }
        launch();
    }

    /** Stops an own server; the shared external one is left alone. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> all = processTree(process);
        // A paused process would not act on SIGTERM until continued.
        runKill("CONT", all);
        all.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
                awaitExit(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public String toString() {
        return "MotoServer[" + endpoint + (process == null ? "" : ", pid " + process.pid()) + "]";
    }

    private void launch() {
        ProcessBuilder builder = new ProcessBuilder(COMMAND, "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.orElseThrow().toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + COMMAND + ": install it with pip install 'moto[server]',"
                    + " or set " + ENDPOINT_VARIABLE + " to a running DynamoDB-compatible server.", e);
        }
        awaitAnswer(Instant.now().plus(START_TIMEOUT));
    }

    /** Polls until the server answers any HTTP request, failing early if its process has died. */
    private void awaitAnswer(Instant deadline) {
        IOException lastFailure = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(1000);
                try {
                    connection.getResponseCode();
                    return;
                } finally {
                    connection.disconnect();
                }
            } catch (IOException notYet) {
                lastFailure = notYet;
            }
            if (process != null && waitForExit(process, POLL_INTERVAL)) {
                throw new IllegalStateException(COMMAND + " on port " + port + " exited with " + process.exitValue()
                        + " before answering. Its output:\n" + logTail());
            }
            if (process == null) {
                betweenPolls(POLL_INTERVAL);
            }
        }
        throw new IllegalStateException("No DynamoDB-compatible server answered at " + endpoint + " within "
                + START_TIMEOUT + ". Its output:\n" + logTail(), lastFailure);
    }

    private void signal(String signal) {
        runKill(signal, processTree(ownProcess()));
    }

    /** Waits until the kernel reports every process of the server stopped (or no longer stopped). */
    private void awaitState(boolean stopped) {
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : processTree(ownProcess())) {
            Path stat = Path.of("/proc", Long.toString(handle.pid()), "stat");
            if (!Files.exists(stat)) {
                return; // no /proc: the signal was sent, which is all that can be checked
            }
            while (isStopped(stat) != stopped) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("pid " + handle.pid() + " did not " + (stopped ? "stop" : "continue"));
                }
                betweenPolls(Duration.ofMillis(5));
            }
        }
    }

    private static boolean isStopped(Path stat) {
        try {
            String content = Files.readString(stat, StandardCharsets.US_ASCII);
            // The state follows the parenthesised command name, which may itself contain spaces.
            String afterName = content.substring(content.lastIndexOf(')') + 2);
            char state = afterName.charAt(0);
            return state == 'T' || state == 't';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void runKill(String signal, List<ProcessHandle> processes) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.stream().filter(ProcessHandle::isAlive).forEach(handle -> command.add(Long.toString(handle.pid())));
        if (command.size() == 2) {
            return;
        }
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal, e);
        }
    }

    // The PATH entry may be a launcher (a pyenv shim) that execs or forks the real server: signal them all.
    private static List<ProcessHandle> processTree(Process process) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    private Process ownProcess() {
        if (process == null) {
            throw new UnsupportedOperationException(this + " is " + ENDPOINT_VARIABLE + "'s server, not one this class started");
        }
        return process;
    }

    private static void awaitExit(Process process) {
        if (!waitForExit(process, STOP_TIMEOUT)) {
            throw new IllegalStateException("pid " + process.pid() + " did not exit");
        }
    }

    private static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The gap between two polls of a condition that is checked against a deadline. */
    private static void betweenPolls(Duration interval) {
        LockSupport.parkNanos(interval.toNanos());
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createLog(int port) {
        try {
            Path log = Files.createTempFile("moto-server-" + port + "-", ".log");
            log.toFile().deleteOnExit();
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        if (log.isEmpty()) {
            return "(not started here)";
        }
        try {
            List<String> lines = Files.readAllLines(log.get(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
