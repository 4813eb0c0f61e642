package com.profilepictures.bootstrap.local;

import java.nio.file.Path;

/** The checkout's root, found from wherever the tests run (Maven runs them in the module's folder). */
final class RepositoryRoot {

    private RepositoryRoot() {}

    /** Where template.yaml is, found the way the local API finds it. */
    static Path path() {
        return LocalConfiguration.findTemplate().getParent();
    }
}
