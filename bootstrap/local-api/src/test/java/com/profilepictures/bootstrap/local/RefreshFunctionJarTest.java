package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The refresh's planner and workers' deployable: a zip jar of the browserless sources, without Selenium. */
class RefreshFunctionJarTest {

    private final Path jar =
            RepositoryRoot.path().resolve("bootstrap/refresh-function/target/refresh-function-lambda.jar");

    @Test
    void theJarHoldsThePlannerAndTheWorkerButNoBrowser() throws Exception {
        assertTrue(Files.isRegularFile(jar), "not packaged yet (make test runs ./mvnw verify): " + jar);

        try (JarFile contents = new JarFile(jar.toFile())) {
            List<String> names = contents.stream().map(ZipEntry::getName).toList();

            assertTrue(names.contains("com/profilepictures/bootstrap/refresh/RefreshPlannerFunction.class"));
            assertTrue(names.contains("com/profilepictures/bootstrap/refresh/RefreshWorkerFunction.class"));
            assertTrue(
                    names.contains("software/amazon/awssdk/services/sqs/SqsClient.class"),
                    "it is the real, shaded jar");
            assertTrue(names.contains("com/profilepictures/adapters/crawler/CrawlerProfilePictureScraper.class"));
            assertTrue(names.contains("com/profilepictures/adapters/xapi/XApiProfilePictureScraper.class"));
            List<String> browserParts = names.stream()
                    .filter(name -> name.startsWith("org/openqa/")
                            || name.startsWith("com/profilepictures/adapters/selenium/")
                            || name.startsWith("com/profilepictures/bootstrap/scrape/")
                            || name.startsWith("io/netty/"))
                    .limit(5)
                    .toList();
            assertTrue(browserParts.isEmpty(), "the refresh's jar carries the browser: " + browserParts);
        }
    }
}
