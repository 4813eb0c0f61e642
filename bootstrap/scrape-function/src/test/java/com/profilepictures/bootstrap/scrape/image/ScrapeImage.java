package com.profilepictures.bootstrap.scrape.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Builds the scrape function's image from its Dockerfile and build context (the module's folder after
 * {@code package}), as {@code sam build} builds it, through whatever engine Testcontainers finds
 * ({@code DOCKER_HOST}: make test starts one, see scripts/with-container-engine.sh). Layers are cached by
 * the engine, so a rebuild with the same jars takes seconds.
 */
public final class ScrapeImage {

    /** The tag the tests and the bench build and run. */
    public static final String NAME = "localhost/profile-pictures/scrape-function:test";

    private ScrapeImage() {}

    /** Builds {@code dockerfile} with {@code context}, tags it {@code name} and returns the name. */
    public static String build(Path context, Path dockerfile, String name) {
        if (!Files.isRegularFile(context.resolve("target/scrape-function.jar"))) {
            throw new IllegalStateException(
                    "Nothing to build yet: " + context + "/target has no scrape-function.jar (run ./mvnw package)");
        }
        DockerClient engine;
        try {
            engine = DockerClientFactory.instance().client();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "No container engine answers. make test provides one; to run this alone, wrap the"
                            + " command in scripts/with-container-engine.sh (see CONTRIBUTING.md). " + e.getMessage(),
                    e);
        }
        Optional<String> previous = imageId(engine, name);
        new ImageFromDockerfile(name, false)
                .withDockerfile(dockerfile)
                // RUN apt-get reaches Debian's mirror through the host's network, as the containers do.
                .withBuildImageCmdModifier(command -> command.withNetworkMode("host"))
                .get();
        String built =
                imageId(engine, name).orElseThrow(() -> new IllegalStateException("The build left no image " + name));
        // The image this tag named before is now untagged: remove it (and its own layers), so that
        // repeated builds do not pile up. The engine keeps the layers the new image shares with it.
        previous.filter(id -> !id.equals(built)).ifPresent(id -> {
            try {
                engine.removeImageCmd(id).exec();
            } catch (DockerException e) {
                // Still in use (a container of another run): it goes when that run's container does.
            }
        });
        return name;
    }

    private static Optional<String> imageId(DockerClient engine, String name) {
        try {
            return Optional.ofNullable(engine.inspectImageCmd(name).exec().getId());
        } catch (DockerException e) {
            return Optional.empty();
        }
    }
}
