package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What ships carries nothing that only serves local runs and tests: no table creation (the template creates
 * the tables in AWS; {@code make run} creates them from the template), no local API, moto launcher or
 * stand-in X site. Checked in the files Lambda gets: the two zip functions' jars, and the scrape image's jar
 * and libraries.
 */
class ShippedJarsTest {

    private static final Path ROOT = RepositoryRoot.path();
    private static final List<String> LOCAL_ONLY = List.of(
            "com/profilepictures/adapters/dynamodb/PictureTable",
            "com/profilepictures/adapters/dynamodb/HistoryTable",
            "com/profilepictures/adapters/dynamodb/testing/",
            "com/profilepictures/bootstrap/local/",
            "com/profilepictures/moto/",
            "com/profilepictures/fixturesite/");

    @Test
    void noShippedJarCarriesLocalOnlyCode() throws IOException {
        List<Path> jars = shippedJars();

        List<String> found = new ArrayList<>();
        for (Path jar : jars) {
            for (String name : entries(jar)) {
                if (LOCAL_ONLY.stream().anyMatch(name::startsWith)) {
                    found.add(ROOT.relativize(jar) + "!" + name);
                }
            }
        }

        assertEquals(List.of(), found, "local-only classes in shipped jars");
    }

    @Test
    void theCheckLooksAtTheRealJars() throws IOException {
        List<Path> jars = shippedJars();

        assertTrue(
                jars.stream().anyMatch(jar -> jar.endsWith("read-functions-lambda.jar"))
                        && jars.stream().anyMatch(jar -> jar.endsWith("archive-function-lambda.jar"))
                        && jars.stream().anyMatch(jar -> jar.endsWith("scrape-function.jar")),
                "not packaged yet (make test runs ./mvnw verify): " + jars);
        // The DynamoDB adapter is in every one of them, so its classes are what the check above reads.
        for (Path jar : List.of(
                ROOT.resolve("bootstrap/read-functions/target/read-functions-lambda.jar"),
                ROOT.resolve("bootstrap/archive-function/target/archive-function-lambda.jar"))) {
            assertTrue(
                    entries(jar).contains("com/profilepictures/adapters/dynamodb/PictureStream.class"),
                    jar + " lacks the DynamoDB adapter");
        }
        assertFalse(
                scrapeLibraries().stream()
                        .filter(jar -> jar.getFileName().toString().startsWith("adapters-dynamodb"))
                        .toList()
                        .isEmpty(),
                "the scrape image's libraries lack the DynamoDB adapter");
    }

    private static List<Path> shippedJars() throws IOException {
        List<Path> jars = new ArrayList<>();
        jars.add(ROOT.resolve("bootstrap/read-functions/target/read-functions-lambda.jar"));
        jars.add(ROOT.resolve("bootstrap/archive-function/target/archive-function-lambda.jar"));
        jars.add(ROOT.resolve("bootstrap/scrape-function/target/scrape-function.jar"));
        jars.addAll(scrapeLibraries());
        return jars.stream().filter(Files::isRegularFile).toList();
    }

    private static List<Path> scrapeLibraries() throws IOException {
        Path lib = ROOT.resolve("bootstrap/scrape-function/target/lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(file -> file.toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile contents = new JarFile(jar.toFile())) {
            return contents.stream().map(ZipEntry::getName).toList();
        }
    }
}
