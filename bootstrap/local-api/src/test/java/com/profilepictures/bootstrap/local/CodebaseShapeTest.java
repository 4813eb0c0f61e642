package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two rules of CONTRIBUTING's house style that no compiler checks: a class does one job, so no file under
 * {@code src/main} runs past {@value #MOST_LINES} lines, and a route or a role reads by one name, so no two
 * classes under {@code src/main} share a simple name. The tools (the bench, the stand-in site, the moto
 * launcher) are not the product's code and are left out.
 */
final class CodebaseShapeTest {

    static final int MOST_LINES = 260;
    private static final Set<String> TOOLS = Set.of("bench", "fixture-site", "moto-server");

    @Test
    void noClassUnderSrcMainRunsPastTheLimit() {
        Map<String, Long> tooLong = new TreeMap<>();
        for (Path file : productSources()) {
            long lines = lines(file);
            if (lines > MOST_LINES) {
                tooLong.put(RepositoryRoot.path().relativize(file).toString(), lines);
            }
        }
        assertEquals(Map.of(), tooLong, "split these by job (at most " + MOST_LINES + " lines each)");
    }

    @Test
    void noTwoClassesUnderSrcMainShareASimpleName() {
        Map<String, List<String>> byName = productSources().stream()
                .collect(Collectors.groupingBy(
                        file -> file.getFileName().toString(),
                        TreeMap::new,
                        Collectors.mapping(
                                file -> RepositoryRoot.path().relativize(file).toString(), Collectors.toList())));
        byName.values().removeIf(files -> files.size() < 2);
        assertEquals(Map.of(), byName, "one name, one class");
    }

    @Test
    void theWalkFindsTheProductsSources() {
        // Guards the two rules above against a walk that silently finds nothing.
        assertTrue(
                productSources().stream().anyMatch(file -> file.endsWith("ProfilePicture.java")),
                "the domain's ProfilePicture is among the sources walked");
    }

    private static List<Path> productSources() {
        Path root = RepositoryRoot.path();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        Path relative = root.relativize(file);
                        String path = relative.toString().replace('\\', '/');
                        return path.contains("/src/main/java/")
                                && !path.contains("/target/")
                                && !TOOLS.contains(relative.getName(0).toString());
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
