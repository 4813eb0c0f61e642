package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The read functions' deployable: small, and without Selenium or anything else of the scraper. */
class ReadFunctionsJarTest {

    private static final long MAX_BYTES = 15L * 1024 * 1024;

    private final Path jar = RepositoryRoot.path().resolve("bootstrap/read-functions/target/read-functions-lambda.jar");

    @Test
    void theJarIsUnder15MegabytesAndHoldsBothEntryClassesButNoScraper() throws Exception {
        assertTrue(Files.isRegularFile(jar), "not packaged yet (make test runs ./mvnw verify): " + jar);

        long size = Files.size(jar);
        try (JarFile contents = new JarFile(jar.toFile())) {
            List<String> names = contents.stream().map(ZipEntry::getName).toList();

            assertTrue(size < MAX_BYTES, "read-functions-lambda.jar is " + size + " bytes");
            assertTrue(names.contains("com/profilepictures/bootstrap/read/GetProfilePictureFunction.class"));
            assertTrue(names.contains("com/profilepictures/bootstrap/read/ListProfilePicturesFunction.class"));
            assertTrue(
                    names.contains("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class"),
                    "it is the real, shaded jar");
            // SnapStart priming registers through org.crac; Lambda's runtime brings its own CRaC context.
            assertTrue(
                    names.contains("org/crac/Core.class"), "the jar lacks org.crac, which priming registers through");
            assertTrue(
                    names.stream().noneMatch(name -> name.startsWith("com/amazonaws/services/lambda/crac/")),
                    "the jar carries the Lambda runtime's own CRaC classes");
            List<String> scraperParts = names.stream()
                    .filter(name -> name.startsWith("org/openqa/")
                            || name.startsWith("com/profilepictures/adapters/selenium/")
                            || name.startsWith("com/profilepictures/bootstrap/scrape/")
                            || name.startsWith("io/netty/")
                            || name.startsWith("org/apache/http/"))
                    .limit(5)
                    .toList();
            assertTrue(
                    scraperParts.isEmpty(),
                    "the read functions carry scraper or unused HTTP-client classes: " + scraperParts);
        }
    }
}
