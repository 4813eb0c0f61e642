package com.profilepictures.bootstrap.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root, found from wherever the tests run (Maven runs them in the module's folder). */
final class RepositoryRoot {

    private RepositoryRoot() {}

    static Path path() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("openapi.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }
}
