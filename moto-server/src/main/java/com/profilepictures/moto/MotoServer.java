package com.profilepictures.moto;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * moto's server ({@code moto_server}'s own code, run through {@code python3} with one lock around each request)
 * on a free loopback port: AWS services served locally, so that
 * {@code make run}, the tests and the bench need no AWS account and no Docker. It knows nothing of which
 * service a client asks for; moto serves them all on the one {@link #endpoint()}. (Amazon's
 * DynamoDBLocal is not used: its licence is not open source.)
 *
 * <pre>{@code
 * try (MotoServer moto = MotoServer.start(Path.of(".local", "moto.log"))) {
 *     URI endpoint = moto.endpoint();
 *     moto.pause(); moto.resume(); moto.kill(); moto.restartOnSamePort();   // outages, for fault tests
 * }
 * }</pre>
 *
 * Its one owner starts it and closes it; closing stops every process it started. Every wait is bounded,
 * and none sleeps: the server is ready when it prints that it listens. Needs {@code python3} on the
 * {@code PATH} with moto importable ({@code python3 -m pip install 'moto[server]'}; {@code make}'s dependency
 * step installs it). The server takes one request at a time, as DynamoDB writes each item atomically and moto
 * alone does not (see {@code one_request_at_a_time.py}).
 */
public final class MotoServer implements AutoCloseable {

    // moto's own server, with one lock around each request: see the script for why.
    static final List<String> COMMAND = List.of("python3", "-c", script("one_request_at_a_time.py"));
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 3;
    private static final String HOST = "127.0.0.1";
    // Werkzeug, which serves moto, prints this once its socket listens: from then on connections queue up.
    private static final String READY_LINE = "Running on http://" + HOST + ":";
    private static final int LOG_TAIL_LINES = 30;
    private static final int LOWEST_PORT = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LINUX_EPHEMERAL_START = 32_768;

    private final List<String> command;
    private final int port;
    private final Path log;
    private final Duration startTimeout;
    private Process process;

    private MotoServer(List<String> command, int port, Path log, Duration startTimeout) {
        this.command = command;
        this.port = port;
        this.log = log;
        this.startTimeout = startTimeout;
    }

    /** Starts moto_server on a free loopback port, its output in {@code log}, and returns once it listens. */
    public static MotoServer start(Path log) {
        return start(COMMAND, log, START_TIMEOUT);
    }

    /** As {@link #start(Path)}, with another program in moto_server's place: for the launcher's own tests. */
    static MotoServer start(List<String> command, Path log, Duration startTimeout) {
        try {
            Path parent = log.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(log, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write moto_server's log " + log, e);
        }
        ExitedBeforeReady lastFailure = null;
        // Another process may take the free port between finding it and moto binding it; then try another.
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            MotoServer server = new MotoServer(List.copyOf(command), freeLoopbackPort(), log, startTimeout);
            try {
                server.launch();
                return server;
            } catch (ExitedBeforeReady e) {
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /**
     * For a process that is not Java (the bench's shell script): starts a server logging to {@code args[0]},
     * prints its endpoint as one line, and stops it once standard input ends, which is also when the
     * starting process dies, or on SIGINT/SIGTERM.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java " + MotoServer.class.getName() + " <log file>");
            System.exit(2);
        }
        MotoServer server = start(Path.of(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-server-stop"));
        System.out.println(server.endpoint());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        server.close();
    }

    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** Freezes the server ({@code SIGSTOP}): it keeps accepting connections but answers nothing. */
    public synchronized void pause() {
        List<ProcessHandle> all = processes();
        signal("STOP", all);
        awaitStopped(all, true);
    }

    /** Lets a paused server run again ({@code SIGCONT}). */
    public synchronized void resume() {
        List<ProcessHandle> all = processes();
        signal("CONT", all);
        awaitStopped(all, false);
    }

    /** Kills the server at once ({@code SIGKILL}), losing all it held: connections are then refused. */
    public synchronized void kill() {
        processes().forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(STOP_TIMEOUT)) {
            throw new IllegalStateException(this + " did not die of SIGKILL within " + STOP_TIMEOUT);
        }
    }

    /** Starts a new, empty server on the same port (killing the old one if it still runs). */
    public synchronized void restartOnSamePort() {
        if (process != null && process.isAlive()) {
            kill();
        }
        launch();
    }

    /** Stops every process this server started; a no-op once they have ended. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> all = processes();
        try {
            // A paused process would not act on SIGTERM until continued.
            signal("CONT", all);
        } catch (IllegalStateException goneMeanwhile) {
            // SIGTERM below reaches whatever is left.
        }
        all.forEach(ProcessHandle::destroy);
        if (!awaitExit(STOP_TIMEOUT)) {
            all.forEach(ProcessHandle::destroyForcibly);
            awaitExit(STOP_TIMEOUT);
        }
        // Anything the started process left behind goes too.
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return "moto_server on " + endpoint() + (process == null ? "" : " (pid " + process.pid() + ")");
    }

    /** The server's processes: the one started and any it started (the PATH entry may be a launcher shim). */
    synchronized List<ProcessHandle> processes() {
        if (process == null) {
            return List.of();
        }
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    private void launch() {
        List<String> commandLine = new ArrayList<>(command);
        commandLine.addAll(List.of("-H", HOST, "-p", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process started;
        try {
            started = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not run " + command.get(0) + ": install moto with python3 -m pip install 'moto[server]'. ("
                            + e.getMessage() + ")",
                    e);
        }
        process = started;
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread output = new Thread(() -> copyOutput(started, ready), "moto-server-output-" + port);
        output.setDaemon(true);
        output.start();
        try {
            ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException(
                    command.get(0) + " did not listen on port " + port + " within " + startTimeout + ". Its output:\n"
                            + logTail(),
                    e);
        } catch (ExecutionException e) {
            // Its output ended: it exited, or is about to. Whatever is left of it goes.
            close();
            String status = process.isAlive() ? "" : " with " + process.exitValue();
            throw new ExitedBeforeReady(
                    command.get(0) + " on port " + port + " exited" + status + " before it listened. Its output:\n"
                            + logTail(),
                    e.getCause());
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + command.get(0) + " was starting", e);
        }
    }

    /** Copies the server's output to the log as it comes, and says when the server listens. */
    private void copyOutput(Process source, CompletableFuture<Void> ready) {
        try (BufferedReader lines = source.inputReader(StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(
                        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                if (line.contains(READY_LINE + port)) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new EOFException("output ended"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.stream().filter(ProcessHandle::isAlive).forEach(handle -> command.add(Long.toString(handle.pid())));
        if (command.size() == 2) {
            throw new IllegalStateException("No process left to send SIG" + signal + " to");
        }
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + STOP_TIMEOUT);
            }
            if (kill.exitValue() != 0) {
                // Read before anything destroys it: destroying a process closes its streams. (A target that died
                // meanwhile fails here too; close() expects that.)
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending SIG" + signal, e);
        }
    }

    /** Waits until Linux reports every process stopped (or no longer stopped); a signal is delivered asynchronously. */
    private static void awaitStopped(List<ProcessHandle> processes, boolean stopped) {
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : processes) {
            Path stat = Path.of("/proc", Long.toString(handle.pid()), "stat");
            if (!Files.exists(stat)) {
                return; // no /proc: the signal was sent, which is all that can be checked
            }
            while (isStopped(stat) != stopped) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "pid " + handle.pid() + " did not " + (stopped ? "stop" : "continue"));
                }
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
        }
    }

    private static boolean isStopped(Path stat) {
        try {
            String content = Files.readString(stat, StandardCharsets.US_ASCII);
            // The state follows the parenthesised command name, which may itself contain spaces.
            char state = content.charAt(content.lastIndexOf(')') + 2);
            return state == 'T' || state == 't';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the started process to end (Java reaps its own child, so this cannot mistake a zombie for a live one). */
    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String script(String name) {
        try (var in = MotoServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + name + " beside " + MotoServer.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    /**
     * A port nothing listens on, below the range the kernel hands out to outgoing connections: moto takes
     * seconds to start (and a restart reuses the port), and a port from that range could meanwhile become any
     * connection's local port. Falls back to any free port when that range leaves no room below it.
     */
    static int freeLoopbackPort() {
        int below = ephemeralRangeStart();
        for (int attempt = 0; below - LOWEST_PORT > 1000 && attempt < 50; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, below);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int ephemeralRangeStart() {
        try {
            // Read as a stream: Files.readString trusts the size /proc reports and returns a truncated text.
            try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE, StandardCharsets.US_ASCII)) {
                return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException unknown) {
            return LINUX_EPHEMERAL_START;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(" + log + " is unreadable: " + e + ")";
        }
    }

    /** The server's process ended before it listened: on a port taken meanwhile, worth a try on another. */
    private static final class ExitedBeforeReady extends IllegalStateException {
        ExitedBeforeReady(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
