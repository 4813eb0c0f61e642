package com.profilepictures.moto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher against the real moto_server, and against stand-ins that fail to start in the ways a server can. */
class MotoServerTest {

    // Generous: these bound waits on a loaded machine, they do not measure anything.
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final Duration EXIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void givenAStartedServer_itAnswersHttpOnALoopbackPort_andLogsToTheGivenFile() throws IOException {
        Path log = dir.resolve("logs/moto.log");

        try (MotoServer moto = MotoServer.start(log)) {

            assertEquals("127.0.0.1", moto.endpoint().getHost());
            int ephemeralStart = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .get(0)
                    .trim()
                    .split("\\s+")[0]);
            if (ephemeralStart > 11_000) { // else there is no room below it, and any free port will do
                assertTrue(
                        moto.endpoint().getPort() < ephemeralStart,
                        "below the outgoing connections' ports: " + moto.endpoint());
            }
            assertEquals(200, status(moto.endpoint(), ANSWER));
            assertTrue(Files.readString(log).contains("Running on " + moto.endpoint()), Files.readString(log));
        }
    }

    @Test
    void whenClosed_everyProcessItStartedIsGone_andThePortRefusesConnections() {
        MotoServer moto = MotoServer.start(dir.resolve("moto.log"));
        List<ProcessHandle> started = moto.processes();

        moto.close();

        assertFalse(started.isEmpty());
        assertTrue(started.stream().noneMatch(ProcessHandle::isAlive), "still running: " + started);
        assertThrows(ConnectException.class, () -> status(moto.endpoint(), ANSWER));
        moto.close(); // a second close is harmless
    }

    @Test
    void givenAPausedServer_requestsGetNoAnswer_untilItIsResumed() throws IOException {
        try (MotoServer moto = MotoServer.start(dir.resolve("moto.log"))) {
            moto.pause();

            assertThrows(SocketTimeoutException.class, () -> status(moto.endpoint(), Duration.ofSeconds(1)));

            moto.resume();
            assertEquals(200, status(moto.endpoint(), ANSWER));
        }
    }

    @Test
    void givenAClientStuckHalfwayThroughARequest_otherRequestsAreStillAnswered() throws IOException {
        try (MotoServer moto = MotoServer.start(dir.resolve("moto.log"));
                Socket stuck =
                        new Socket(moto.endpoint().getHost(), moto.endpoint().getPort())) {
            // As an SDK call interrupted after its headers went out leaves it: the announced body never comes.
            stuck.getOutputStream()
                    .write(("POST / HTTP/1.1\r\nHost: " + moto.endpoint().getAuthority() + "\r\n"
                                    + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0\r\n"
                                    + "Content-Length: 100\r\n\r\n{\"Li")
                            .getBytes(StandardCharsets.US_ASCII));
            stuck.getOutputStream().flush();

            // Moto serves one request at a time; one whose body is still on its way must not hold the others up.
            assertEquals(200, status(moto.endpoint(), ANSWER));
            assertEquals(200, status(moto.endpoint(), ANSWER));
        }
    }

    @Test
    void givenARequestWhoseContentLengthIsNoLength_itIsRefusedWith400_andTheServerServesOn() throws IOException {
        try (MotoServer moto = MotoServer.start(dir.resolve("moto.log"))) {
            for (String length : List.of("-1", "abc")) {
                try (Socket client =
                        new Socket(moto.endpoint().getHost(), moto.endpoint().getPort())) {
                    client.setSoTimeout((int) ANSWER.toMillis());
                    client.getOutputStream()
                            .write(("POST / HTTP/1.1\r\nHost: "
                                            + moto.endpoint().getAuthority() + "\r\nContent-Length: " + length
                                            + "\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    String statusLine = new BufferedReader(
                                    new java.io.InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();

                    assertTrue(statusLine.startsWith("HTTP/1.1 400"), length + ": " + statusLine);
                }
            }
            assertEquals(200, status(moto.endpoint(), ANSWER));
        }
    }

    @Test
    void givenAKilledServer_connectionsAreRefused_untilItRestartsOnTheSamePort() throws IOException {
        try (MotoServer moto = MotoServer.start(dir.resolve("moto.log"))) {
            URI endpoint = moto.endpoint();
            moto.kill();

            assertThrows(ConnectException.class, () -> status(endpoint, ANSWER));

            moto.restartOnSamePort();
            assertEquals(endpoint, moto.endpoint());
            assertEquals(200, status(endpoint, ANSWER));
        }
    }

    @Test
    void givenAServerThatExitsAtOnce_startFailsWithItsExitStatusAndOutput() {
        List<String> failing = List.of("sh", "-c", "echo cannot serve; exit 3", "sh");

        var thrown = assertThrows(
                IllegalStateException.class,
                () -> MotoServer.start(failing, dir.resolve("moto.log"), MotoServer.START_TIMEOUT));

        assertTrue(thrown.getMessage().contains("exited with 3"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("cannot serve"), thrown.getMessage());
    }

    @Test
    void givenAServerThatNeverListens_startGivesUpAtItsTimeout_andStopsIt() throws IOException {
        Path pidFile = dir.resolve("pid");
        List<String> silent = List.of("sh", "-c", "echo $$ > '" + pidFile + "'; exec sleep 600", "sh");

        var thrown = assertThrows(
                IllegalStateException.class,
                () -> MotoServer.start(silent, dir.resolve("moto.log"), Duration.ofSeconds(5)));

        assertTrue(thrown.getMessage().contains("did not listen"), thrown.getMessage());
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still runs");
    }

    @Test
    void givenNoSuchProgram_startSaysHowToInstallMoto() {
        var thrown = assertThrows(
                IllegalStateException.class,
                () -> MotoServer.start(
                        List.of("no-such-moto-server"), dir.resolve("moto.log"), MotoServer.START_TIMEOUT));

        assertTrue(thrown.getMessage().contains("pip install 'moto[server]'"), thrown.getMessage());
    }

    @Test
    void givenTheCommandLineForm_itPrintsTheEndpoint_andStopsTheServerWhenItsInputEnds() throws Exception {
        Process launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        MotoServer.class.getName(),
                        dir.resolve("moto.log").toString())
                .redirectError(dir.resolve("launcher.err").toFile())
                .start();
        try {
            BufferedReader output = launcher.inputReader(StandardCharsets.UTF_8);
            URI endpoint = URI.create(output.readLine());
            assertEquals(200, status(endpoint, ANSWER));
            List<ProcessHandle> moto = launcher.descendants().toList();

            launcher.getOutputStream().close();

            assertTrue(
                    launcher.waitFor(EXIT.toMillis(), TimeUnit.MILLISECONDS), "the launcher exits once its input ends");
            assertEquals(0, launcher.exitValue(), Files.readString(dir.resolve("launcher.err")));
            assertFalse(moto.isEmpty());
            for (ProcessHandle server : moto) {
                assertTrue(
                        server.onExit()
                                .orTimeout(EXIT.toMillis(), TimeUnit.MILLISECONDS)
                                .handle((ended, timedOut) -> timedOut == null)
                                .join(),
                        "moto still runs: pid " + server.pid());
            }
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static int status(URI endpoint, Duration readTimeout) throws IOException {
        var connection =
                (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
        connection.setConnectTimeout((int) ANSWER.toMillis());
        connection.setReadTimeout((int) readTimeout.toMillis());
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
