package com.profilepictures.bootstrap.local;

import java.util.List;

/**
 * Stops what a part of {@code make run} started, newest first, so that each thing stops before what it uses (a
 * poller before the client it shares): one that will not stop is logged, and the rest still stop.
 */
final class StartedParts {

    private StartedParts() {}

    /** Closes {@code started} in reverse order, logging to {@code log} each that fails to close. */
    static void closeInReverse(List<AutoCloseable> started, System.Logger log) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.log(System.Logger.Level.WARNING, "could not stop " + started.get(i) + ": " + e.getMessage());
            }
        }
    }
}
