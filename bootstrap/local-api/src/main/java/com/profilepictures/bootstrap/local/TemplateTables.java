package com.profilepictures.bootstrap.local;

import com.profilepictures.adapters.dynamodb.testing.TableCreation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/**
 * Creates a table of the template ({@code AWS::DynamoDB::Table}) on the local DynamoDB, from its own
 * properties, so that the local tables cannot differ from the deployed ones in what the code relies on: keys,
 * indexes, billing and the stream. What only guards a deployed table is left out: deletion protection (moto
 * would refuse the tests' clean-up), point-in-time recovery, encryption, tags and time to live.
 */
final class TemplateTables {

    private TemplateTables() {}

    /**
     * Creates {@code tableName} as {@code properties} (the resource's {@code Properties}) describe it, unless it
     * exists, and returns once it is active. Safe to call from several processes at once.
     */
    static void createIfMissing(DynamoDbClient client, String tableName, Map<String, Object> properties) {
        CreateTableRequest request = request(tableName, properties);
        TableCreation.createIfMissing(client, tableName, () -> client.createTable(request));
    }

    static CreateTableRequest request(String tableName, Map<String, Object> properties) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(maps(properties.get("AttributeDefinitions")).stream()
                        .map(attribute -> AttributeDefinition.builder()
                                .attributeName(string(attribute, "AttributeName"))
                                .attributeType(string(attribute, "AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema")));
        String billing = String.valueOf(properties.getOrDefault("BillingMode", "PROVISIONED"));
        request.billingMode(BillingMode.fromValue(billing));
        if (properties.get("ProvisionedThroughput") instanceof Map<?, ?> throughput) {
            request.provisionedThroughput(throughput(throughput));
        }
        List<LocalSecondaryIndex> local = new ArrayList<>();
        for (Map<?, ?> index : maps(properties.get("LocalSecondaryIndexes"))) {
            local.add(LocalSecondaryIndex.builder()
                    .indexName(string(index, "IndexName"))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(projection(index.get("Projection")))
                    .build());
        }
        if (!local.isEmpty()) {
            request.localSecondaryIndexes(local);
        }
        List<GlobalSecondaryIndex> global = new ArrayList<>();
        for (Map<?, ?> index : maps(properties.get("GlobalSecondaryIndexes"))) {
            GlobalSecondaryIndex.Builder builder = GlobalSecondaryIndex.builder()
                    .indexName(string(index, "IndexName"))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(projection(index.get("Projection")));
            if (index.get("ProvisionedThroughput") instanceof Map<?, ?> throughput) {
                builder.provisionedThroughput(throughput(throughput));
            }
            global.add(builder.build());
        }
        if (!global.isEmpty()) {
            request.globalSecondaryIndexes(global);
        }
        if (properties.get("StreamSpecification") instanceof Map<?, ?> stream) {
            request.streamSpecification(specification ->
                    specification.streamEnabled(true).streamViewType(string(stream, "StreamViewType")));
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(Object keys) {
        return maps(keys).stream()
                .map(key -> KeySchemaElement.builder()
                        .attributeName(string(key, "AttributeName"))
                        .keyType(string(key, "KeyType"))
                        .build())
                .toList();
    }

    private static Projection projection(Object projection) {
        if (!(projection instanceof Map<?, ?> map)) {
            return Projection.builder().projectionType("KEYS_ONLY").build();
        }
        Projection.Builder builder = Projection.builder().projectionType(string(map, "ProjectionType"));
        if (map.get("NonKeyAttributes") instanceof List<?> attributes) {
            builder.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Map<?, ?> throughput) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(string(throughput, "ReadCapacityUnits")))
                .writeCapacityUnits(Long.parseLong(string(throughput, "WriteCapacityUnits")))
                .build();
    }

    private static List<Map<?, ?>> maps(Object list) {
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> items)) {
            throw new IllegalArgumentException("Expected a list in a table's properties, found " + list);
        }
        return items.stream().<Map<?, ?>>map(item -> (Map<?, ?>) item).toList();
    }

    private static String string(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("A table's properties lack " + key + ": " + map);
        }
        return String.valueOf(value);
    }
}
