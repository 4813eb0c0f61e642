package com.profilepictures.bootstrap.local;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code moto_server} on a free loopback port, so that {@code make run} needs no AWS account and no
 * Docker. Amazon's DynamoDBLocal is not used: its licence is not open source.
 */
final class MotoProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;

    private MotoProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static MotoProcess start(Path logFile) throws IOException, InterruptedException {
        int port = freeLoopbackPort();
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port)))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        var moto = new MotoProcess(process, URI.create("http://127.0.0.1:" + port));
        moto.awaitReady(logFile);
        return moto;
    }

    URI endpoint() {
        return endpoint;
    }

    private void awaitReady(Path logFile) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + logFile);
            }
            if (answers()) {
                return;
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        close();
        throw new IllegalStateException("moto_server did not answer within " + START_TIMEOUT.toSeconds() + " s; see " + logFile);
    }

    private boolean answers() {
        try {
            var connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(200);
            connection.setReadTimeout(1000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
