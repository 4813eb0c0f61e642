package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.HistoryTable;
import com.profilepictures.adapters.dynamodb.PictureTable;
import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.bootstrap.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The local resources {@code make run} makes from the template: the tables as the adapter's own tests make
 * them, under the names the environment gives, and each function's environment built from the template.
 */
@ExtendWith(SharedDynamoDbServer.class)
class LocalInfrastructureTest {

    private static final SamTemplate TEMPLATE =
            SamTemplate.load(RepositoryRoot.path().resolve("template.yaml"));

    @Test
    void theTemplatesTablesAreTheAdaptersTables_underTheNamesTheEnvironmentGives(DynamoDbServer server) {
        String pictures = DynamoDbServer.uniqueTableName("local-pictures");
        String history = DynamoDbServer.uniqueTableName("local-history");
        String bucket = "local-" + UUID.randomUUID();

        try (LocalInfrastructure infrastructure = start(server, pictures, history, bucket);
                DynamoDbClient client = DynamoDbClients.create(server.settings(pictures))) {
            String adapterPictures = DynamoDbServer.uniqueTableName("adapter-pictures");
            String adapterHistory = DynamoDbServer.uniqueTableName("adapter-history");
            PictureTable.createIfMissing(client, adapterPictures);
            HistoryTable.createIfMissing(client, adapterHistory);

            assertEquals(shape(client, adapterPictures), shape(client, pictures));
            assertEquals(shape(client, adapterHistory), shape(client, history));
            assertEquals(pictures, infrastructure.storage().tableName());
            assertEquals(bucket, infrastructure.archive().bucket());
            assertEquals(
                    server.endpoint().toString(),
                    infrastructure.environment().get("S3_ENDPOINT").orElseThrow(),
                    "the local DynamoDB's moto serves S3 too");
        }
    }

    @Test
    void eachFunctionIsGivenTheLocalNamesOfTheResourcesItsTemplateEnvironmentNames(DynamoDbServer server) {
        String pictures = DynamoDbServer.uniqueTableName("local-pictures");
        String history = DynamoDbServer.uniqueTableName("local-history");
        String bucket = "local-" + UUID.randomUUID();

        try (LocalInfrastructure infrastructure = start(server, pictures, history, bucket)) {
            FunctionLoader loader = new FunctionLoader(TEMPLATE, infrastructure);
            Environment archive = loader.environmentOf("ArchivePictureFunction");
            Environment scrape = loader.environmentOf("ScrapeFunction");

            assertEquals(pictures, archive.get("TABLE_NAME").orElseThrow());
            assertEquals(history, archive.get("HISTORY_TABLE_NAME").orElseThrow());
            assertEquals(bucket, archive.get("PICTURE_BUCKET").orElseThrow());
            assertEquals(
                    server.endpoint().toString(),
                    scrape.get("DYNAMODB_ENDPOINT").orElseThrow());
            assertFalse(
                    scrape.variables().containsKey("SCRAPE_TIMEOUT"),
                    "the template's written-out deployed value is not the local default");
        }
    }

    @Test
    void everyEntryClassOfTheTemplateCanBeGivenItsEnvironment() throws Exception {
        List<String> entries = new ArrayList<>();
        TEMPLATE.routes().forEach(route -> entries.add(route.entryClass()));
        TEMPLATE.streamEvents().forEach(event -> entries.add(event.entryClass()));

        assertTrue(entries.size() >= 7, "the seven functions' entries: " + entries);
        for (String entry : entries) {
            Class<?> type = Class.forName(entry, false, getClass().getClassLoader());
            type.getConstructor(Environment.class);
            type.getConstructor();
        }
    }

    private static LocalInfrastructure start(DynamoDbServer server, String pictures, String history, String bucket) {
        Environment environment = new Environment(Map.of(
                "DYNAMODB_ENDPOINT", server.endpoint().toString(),
                "AWS_REGION", DynamoDbServer.REGION,
                "TABLE_NAME", pictures,
                "HISTORY_TABLE_NAME", history,
                "PICTURE_BUCKET", bucket));
        return LocalInfrastructure.start(TEMPLATE, environment, Path.of("target", "unused-moto.log"));
    }

    /** What the code relies on of a table: keys, attributes, indexes, billing and stream, not its name. */
    private static String shape(DynamoDbClient client, String tableName) {
        TableDescription table =
                client.describeTable(request -> request.tableName(tableName)).table();
        return String.join(
                "\n",
                "keys " + table.keySchema(),
                "attributes "
                        + table.attributeDefinitions().stream()
                                .sorted(Comparator.comparing(a -> a.attributeName()))
                                .toList(),
                "local indexes "
                        + table.localSecondaryIndexes().stream()
                                .map(index -> index.indexName() + " " + index.keySchema() + " " + index.projection())
                                .sorted()
                                .toList(),
                "global indexes " + table.globalSecondaryIndexes().size(),
                "billing "
                        + (table.billingModeSummary() == null
                                ? null
                                : table.billingModeSummary().billingMode()),
                "stream " + table.streamSpecification());
    }
}
