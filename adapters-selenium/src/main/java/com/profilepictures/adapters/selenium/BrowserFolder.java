package com.profilepictures.adapters.selenium;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The folder one browser writes everything in (profile, caches, crash reports, scratch files), under the
 * scraper's work root. Every process of the browser names it on its command line, which is how they are
 * all found again (see {@link ChromiumProcesses}).
 */
final class BrowserFolder {

    private static final System.Logger LOG = System.getLogger(BrowserFolder.class.getName());

    // Named chromium-{pid}-{six letters or digits}: the pid tells which JVM a folder belongs to, and the name
    // is short because Chromium puts a socket in the folder (see MAX_ROOT_LENGTH).
    private static final String PREFIX = "chromium-";
    private static final int SUFFIX_LENGTH = 6;
    private static final String SUFFIX_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int NAME_ATTEMPTS = 10;
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    /**
     * The longest work root (in bytes) under which Chromium can start: it creates its singleton socket at
     * {@code {root}/chromium-{pid}-{suffix}/org.chromium.Chromium.XXXXXX/SingletonSocket}, a Unix socket's
     * path is at most 107 bytes, and a longer one makes Chromium exit at start.
     */
    static final int MAX_ROOT_LENGTH = 107
            - ("/" + PREFIX + "4194304-" + "x".repeat(SUFFIX_LENGTH) + "/org.chromium.Chromium.XXXXXX/SingletonSocket")
                    .length();

    private final Path path;

    private BrowserFolder(Path path) {
        this.path = path;
    }

    /** A new, empty folder under {@code root} that only this user can read. */
    static BrowserFolder createUnder(Path root) {
        String prefix = PREFIX + ProcessHandle.current().pid() + "-";
        for (int attempt = 1; ; attempt++) {
            Path candidate = root.resolve(prefix + randomSuffix());
            try {
                return new BrowserFolder(Files.createDirectory(candidate, OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw new UncheckedIOException("Cannot find a free folder name for Chromium under " + root, e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a folder for Chromium under " + root, e);
            }
        }
    }

    Path path() {
        return path;
    }

    /** A subfolder, created if missing. */
    Path subfolder(String name) throws IOException {
        return Files.createDirectories(path.resolve(name));
    }

    /** What every command line naming a path in this folder contains, and no other folder's path does. */
    String marker() {
        return path + File.separator;
    }

    /** Deletes the folder and everything in it, as far as it can; what it cannot delete is logged. */
    void delete() {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(entry -> {
                try {
                    Files.deleteIfExists(entry);
                } catch (IOException e) {
                    LOG.log(Level.DEBUG, "Could not delete " + entry, e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Could not delete Chromium's folder " + path, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(SUFFIX_DIGITS.charAt(ThreadLocalRandom.current().nextInt(SUFFIX_DIGITS.length())));
        }
        return suffix.toString();
    }
}
