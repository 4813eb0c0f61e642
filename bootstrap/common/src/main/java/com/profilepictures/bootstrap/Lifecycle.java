package com.profilepictures.bootstrap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a process closes when it ends: entry classes register what their component built that must not
 * outlive the process (browsers), and exactly one owner closes it. In a Lambda process that owner is a
 * JVM shutdown hook, installed by the first registration; it runs only when the JVM is told to stop, and
 * Lambda sends SIGTERM at shutdown only to a function with a registered extension (these have none).
 * Without one, Lambda ends the whole sandbox, browsers included, so nothing outlives it either way; the
 * hook matters wherever the process is stopped by a signal (make run, a container). The local API runs every entry class in one
 * JVM and stops things in its own order (its server, then the components, then moto), so it
 * {@linkplain #takeCharge() takes charge} before it loads any, and closes this itself.
 */
public final class Lifecycle implements AutoCloseable {

    private static final Lifecycle PROCESS =
            new Lifecycle(Runtime.getRuntime()::addShutdownHook, Runtime.getRuntime()::removeShutdownHook);

    private enum State {
        /** Nothing registered yet, nobody in charge. */
        UNOWNED,
        /** Our own shutdown hook closes what is registered. */
        HOOKED,
        /** Whoever took charge closes what is registered. */
        IN_CHARGE,
        /** Closed: whatever registers now is closed at once. */
        CLOSED
    }

    private final Consumer<Thread> addHook;
    private final Predicate<Thread> removeHook;
    private final Deque<AutoCloseable> registered = new ArrayDeque<>();
    private State state = State.UNOWNED;
    private Thread hook;

    Lifecycle(Consumer<Thread> addHook, Predicate<Thread> removeHook) {
        this.addHook = addHook;
        this.removeHook = removeHook;
    }

    /** This process's lifecycle, the one every entry class registers with. */
    public static Lifecycle process() {
        return PROCESS;
    }

    /** Has {@code resource} closed when the process ends, before anything registered earlier. */
    public void closeOnExit(AutoCloseable resource) {
        synchronized (this) {
            if (state != State.CLOSED) {
                registered.push(resource);
                if (state == State.UNOWNED) {
                    hook = new Thread(this::close, "close-on-exit");
                    addHook.accept(hook);
                    state = State.HOOKED;
                }
                return;
            }
        }
        // Registered after the end, e.g. by a request still in flight while the local API stops.
        closeAll(List.of(resource));
    }

    /** Makes the caller the one that closes this (with {@link #close()}), in place of a shutdown hook of its own. */
    public synchronized void takeCharge() {
        if (state == State.HOOKED) {
            removeHook.test(hook);
            hook = null;
        }
        if (state != State.CLOSED) {
            state = State.IN_CHARGE;
        }
    }

    /**
     * Closes everything registered, newest first, each once; one failure does not keep the rest open, and
     * the first is thrown once all have been tried.
     */
    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            state = State.CLOSED;
            toClose = new ArrayList<>(registered);
            registered.clear();
        }
        closeAll(toClose);
    }

    @Override
    public String toString() {
        return "what the entry classes built";
    }

    private static void closeAll(List<AutoCloseable> resources) {
        IllegalStateException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (failure == null) {
                    failure = new IllegalStateException("Could not close " + resource + ": " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
