package com.profilepictures.bootstrap;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A function's environment for a configuration test: these variables, and a {@code HOME} of the test's own. */
final class TestEnvironment {

    private TestEnvironment() {}

    /**
     * @param home  the test's temporary folder: no credentials file of the machine's is found through it
     * @param pairs names and values, in turn
     */
    static Environment of(Path home, String... pairs) {
        Map<String, String> variables = new HashMap<>(Map.of("HOME", home.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return new Environment(variables);
    }
}
