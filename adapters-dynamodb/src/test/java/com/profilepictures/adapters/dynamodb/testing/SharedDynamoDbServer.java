package com.profilepictures.adapters.dynamodb.testing;

import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.moto.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Hands tests the one {@link DynamoDbServer} of the whole test run: the server {@value #ENDPOINT_VARIABLE}
 * names if set, else a {@link MotoServer} started on first use, which JUnit closes when the run ends; and, to
 * a test that asks for a {@link DynamoDbClient}, the run's one client of that server, built as a function's is.
 * Tests sharing it keep apart by using tables of their own ({@link DynamoDbServer#uniqueTableName}); they
 * must not pause or kill it (fault tests start a {@link MotoServer} of their own).
 *
 * <pre>{@code
 * @ExtendWith(SharedDynamoDbServer.class)
 * class SomeTest {
 *     SomeTest(DynamoDbClient client) { this.client = client; }
 * }
 * }</pre>
 */
public final class SharedDynamoDbServer implements ParameterResolver {

    /** When set, the tests use the server at this URL instead of starting one. */
    public static final String ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedDynamoDbServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DynamoDbServer.class || type == DynamoDbClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store lives as long as the run, and closes what it holds when the run ends.
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        DynamoDbServer server = store.getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class)
                .server();
        if (parameter.getParameter().getType() == DynamoDbServer.class) {
            return server;
        }
        return store.getOrComputeIfAbsent(
                DynamoDbClient.class, key -> DynamoDbClients.create(server.settings("unused")), DynamoDbClient.class);
    }

    private record Shared(DynamoDbServer server, Optional<MotoServer> moto, Optional<Path> log)
            implements AutoCloseable {

        static Shared start() {
            Optional<URI> external = Optional.ofNullable(System.getenv(ENDPOINT_VARIABLE))
                    .filter(value -> !value.isBlank())
                    .map(URI::create);
            if (external.isPresent()) {
                return new Shared(new DynamoDbServer(external.get()), Optional.empty(), Optional.empty());
            }
            Path log;
            try {
                log = Files.createTempFile("moto-server-", ".log");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                MotoServer moto = MotoServer.start(log);
                return new Shared(new DynamoDbServer(moto.endpoint()), Optional.of(moto), Optional.of(log));
            } catch (RuntimeException e) {
                // The failure quotes the log's tail already.
                log.toFile().delete();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            moto.ifPresent(MotoServer::close);
            if (log.isPresent()) {
                Files.deleteIfExists(log.get());
            }
        }
    }
}
