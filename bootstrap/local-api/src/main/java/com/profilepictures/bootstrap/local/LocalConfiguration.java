package com.profilepictures.bootstrap.local;

import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code make run} is told by its environment, checked before anything starts: where to listen
 * ({@code HOST}, {@code PORT}), which template to serve ({@code TEMPLATE}, else the nearest
 * {@code template.yaml}), and the environment itself, from which the local resources and every function's
 * own configuration are built.
 */
record LocalConfiguration(InetSocketAddress address, Path template, Environment environment) {

    static LocalConfiguration from(Environment environment) {
        int port = port(environment);
        String host = environment.get("HOST").orElse("127.0.0.1");
        Path template = environment.get("TEMPLATE").map(Path::of).orElseGet(LocalConfiguration::findTemplate);
        return new LocalConfiguration(new InetSocketAddress(host, port), template, environment);
    }

    private static int port(Environment environment) {
        String value = environment.get("PORT").orElse("3000");
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException("PORT is a port number from 0 (any free port) to 65535: " + value);
    }

    /** The {@code template.yaml} in the working directory or the nearest folder above it. */
    static Path findTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No template.yaml here or above; run from the repository or set TEMPLATE.");
    }
}
