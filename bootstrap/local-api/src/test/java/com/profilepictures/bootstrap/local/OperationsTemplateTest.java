package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds template.yaml to what an operator is promised (docs/monitoring.md): a log group per function with a
 * bounded retention, alarms on what can go wrong, a failure queue for the stream, tracing, a per-client limit
 * on POST /scrape, and the cost choices (arm64, reserved concurrency). cfn-lint checks that the resources are
 * well formed; these tests check that they are there and point at the right things.
 */
final class OperationsTemplateTest {

    private static SamTemplate template;

    @BeforeAll
    static void loadTheTemplate() {
        template = SamTemplate.load(RepositoryRoot.path().resolve("template.yaml"));
    }

    @Test
    void everyFunctionLogsAsJsonToALogGroupOfItsOwnWithTheRetentionParameter() {
        Map<String, Map<String, Object>> groups = template.resources("AWS::Logs::LogGroup");
        Set<String> used = new TreeSet<>();
        Map<String, Object> globalLogging = map(globals().get("LoggingConfig"));
        assertEquals("JSON", globalLogging.get("LogFormat"));
        assertEquals("ApplicationLogLevel", globalLogging.get("ApplicationLogLevel"));

        functions().forEach((id, function) -> {
            Object group = map(properties(function).get("LoggingConfig")).get("LogGroup");
            assertNotNull(group, id + " names no log group of the stack's");
            assertTrue(groups.containsKey(String.valueOf(group)), id + "'s log group " + group + " is not a LogGroup");
            assertTrue(used.add(String.valueOf(group)), id + " shares its log group " + group);
        });
        groups.forEach((id, group) -> {
            // CloudFormation names the group: /aws/lambda/<name> may exist already, left by an earlier function.
            assertNull(properties(group).get("LogGroupName"), id + " is named by hand");
            assertEquals("LogRetentionInDays", properties(group).get("RetentionInDays"), id + "'s retention");
        });
        Map<String, Object> retention = parameter("LogRetentionInDays");
        assertEquals(30, retention.get("Default"));
        assertTrue(list(retention.get("AllowedValues")).contains(30), "CloudWatch Logs takes only its own values");
    }

    @Test
    void theAlarmsWatchWhatCanGoWrongAndTellTheTopic() {
        List<String> watched = new ArrayList<>();
        template.resources("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            Map<String, Object> properties = properties(alarm);
            assertEquals(List.of("AlarmTopic"), properties.get("AlarmActions"), id + "'s actions");
            assertNotNull(properties.get("AlarmDescription"), id + " says nothing of what it means");
            Map<String, Object> dimensions = dimensions(properties);
            Object statistic = properties.containsKey("ExtendedStatistic")
                    ? properties.get("ExtendedStatistic")
                    : properties.get("Statistic");
            watched.add(properties.get("MetricName") + " " + statistic + " " + dimensions);
        });
        String apiName = String.valueOf(properties(api()).get("Name"));
        assertFalse(apiName.equals("null"), "the API needs a Name: API Gateway's metrics are filtered by it");
        for (String expected : List.of(
                "IteratorAge Maximum {FunctionName=ArchivePictureFunction}",
                "Errors Sum {FunctionName=ArchivePictureFunction}",
                "Errors Sum {FunctionName=ArchiveSweepFunction}",
                "Errors Sum {FunctionName=ScrapeFunction}",
                "Throttles Sum {FunctionName=ScrapeFunction}",
                "Duration p99 {FunctionName=ScrapeFunction}",
                "5XXError Average {ApiName=" + apiName + ", Stage=StageName}",
                "Latency p99 {ApiName=" + apiName + ", Stage=StageName}")) {
            assertTrue(watched.contains(expected), "no alarm on " + expected + " among " + watched);
        }
    }

    @Test
    void theScrapeDurationAlarmFiresBeforeTheFunctionTimesOut() {
        Map<String, Object> alarm =
                properties(template.resources("AWS::CloudWatch::Alarm").get("ScrapeDurationAlarm"));
        long timeoutMillis =
                ((Number) properties(functions().get("ScrapeFunction")).get("Timeout")).longValue() * 1000;
        double threshold = ((Number) alarm.get("Threshold")).doubleValue();
        assertTrue(threshold < timeoutMillis, "threshold " + threshold + " ms against a timeout of " + timeoutMillis);
    }

    @Test
    void everyQueueIsWatchedAndAnEmptyQueueIsNoAlarm() {
        Map<String, Map<String, Object>> queues = template.resources("AWS::SQS::Queue");
        assertFalse(queues.isEmpty(), "the stream's failures go to a queue");
        queues.keySet().forEach(queue -> {
            Map<String, Object> alarm = template.resources("AWS::CloudWatch::Alarm").values().stream()
                    .map(OperationsTemplateTest::properties)
                    .filter(properties -> String.valueOf(dimensions(properties).get("QueueName"))
                            .equals(queue + ".QueueName"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no alarm on the depth of " + queue));
            assertEquals("ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
            assertEquals(
                    "notBreaching", alarm.get("TreatMissingData"), queue + ": SQS sends no data for an idle queue");
            assertEquals(
                    1209600, properties(queues.get(queue)).get("MessageRetentionPeriod"), queue + " keeps 14 days");
        });
    }

    @Test
    void theStreamsMappingSendsWhatItGivesUpOnToTheFailureQueue() {
        Map<String, Object> source = map(
                map(map(properties(functions().get("ArchivePictureFunction")).get("Events"))
                                .get("PictureStream"))
                        .get("Properties"));
        Map<String, Object> onFailure = map(map(source.get("DestinationConfig")).get("OnFailure"));
        assertEquals("SQS", onFailure.get("Type"));
        assertEquals("StreamFailureQueue.Arn", onFailure.get("Destination"));
    }

    @Test
    void everyFunctionAndTheStageAreTracedWithNoSdkInTheCode() {
        assertEquals("Active", globals().get("Tracing"));
        functions()
                .forEach((id, function) -> assertNull(properties(function).get("Tracing"), id + " overrides Tracing"));
        assertEquals(true, properties(api()).get("TracingEnabled"));
    }

    @Test
    void aClientsScrapesAreLimitedByWafAndABlockAnswersTheContractsRateLimited() {
        Map<String, Map<String, Object>> acls = template.resources("AWS::WAFv2::WebACL");
        assertEquals(1, acls.size(), "one web ACL: " + acls.keySet());
        Map<String, Object> acl = properties(acls.values().iterator().next());
        assertEquals("REGIONAL", acl.get("Scope"));
        Map<String, Object> rule = map(list(acl.get("Rules")).get(0));
        Map<String, Object> rate = map(map(rule.get("Statement")).get("RateBasedStatement"));
        assertEquals("IP", rate.get("AggregateKeyType"));
        assertTrue(((Number) parameter(String.valueOf(rate.get("Limit"))).get("MinValue")).intValue() >= 10);
        // Scoped to POST and a path ending in /scrape: WAF sees the stage in front of the route's path.
        List<String> matches = new ArrayList<>();
        for (Object each : list(
                map(map(rate.get("ScopeDownStatement")).get("AndStatement")).get("Statements"))) {
            Map<String, Object> match = map(map(each).get("ByteMatchStatement"));
            matches.add(map(match.get("FieldToMatch")).keySet() + " " + match.get("PositionalConstraint") + " "
                    + match.get("SearchString"));
        }
        assertEquals(List.of("[Method] EXACTLY POST", "[UriPath] ENDS_WITH /scrape"), matches);
        assertTrue(map(rule.get("Action")).containsKey("Block"));

        Map<String, Object> association = properties(template.resources("AWS::WAFv2::WebACLAssociation")
                .values()
                .iterator()
                .next());
        assertEquals(acls.keySet().iterator().next() + ".Arn", association.get("WebACLArn"));
        assertTrue(String.valueOf(association.get("ResourceArn")).contains("/restapis/${ProfilePicturesApi}/stages/"));

        Map<String, Object> blocked =
                map(map(properties(api()).get("GatewayResponses")).get("WAF_FILTERED"));
        assertEquals("429", blocked.get("StatusCode"), "a WAF block is a rate limit, not 403 or route_not_found");
        assertTrue(String.valueOf(map(blocked.get("ResponseTemplates")).get("application/json"))
                .contains("\"code\":\"rate_limited\""));
    }

    @Test
    void theScrapeFunctionReservesConcurrencyOnlyWhenAsked() {
        assertEquals("", parameter("ScrapeReservedConcurrency").get("Default"), "unset by default");
        assertEquals(
                List.of("HasScrapeReservedConcurrency", "ScrapeReservedConcurrency", "AWS::NoValue"),
                properties(functions().get("ScrapeFunction")).get("ReservedConcurrentExecutions"));
    }

    @Test
    void theZipFunctionsRunOnArm64AndTheImageOnTheArchitectureItIsBuiltFor() {
        assertNull(globals().get("Architectures"), "SAM appends a function's Architectures to the global list");
        functions().forEach((id, function) -> {
            boolean image = "Image".equals(properties(function).get("PackageType"));
            assertEquals(
                    List.of(image ? "x86_64" : "arm64"), properties(function).get("Architectures"), id);
        });
    }

    @Test
    void theTablesCannotBeDeletedByAccident() {
        template.resources("AWS::DynamoDB::Table").forEach((id, table) -> {
            assertEquals(true, properties(table).get("DeletionProtectionEnabled"), id);
            assertEquals("Retain", table.get("DeletionPolicy"), id);
        });
    }

    // --- the template -----------------------------------------------------------------------------

    private static Map<String, Map<String, Object>> functions() {
        return template.resources("AWS::Serverless::Function");
    }

    private static Map<String, Object> api() {
        return template.resources("AWS::Serverless::Api").values().iterator().next();
    }

    private static Map<String, Object> globals() {
        return map(map(template.document().get("Globals")).get("Function"));
    }

    private static Map<String, Object> parameter(String name) {
        Map<String, Object> parameter =
                map(map(template.document().get("Parameters")).get(name));
        assertFalse(parameter.isEmpty(), "no parameter " + name);
        return parameter;
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    // An alarm's dimensions as name=value, in the order written.
    private static Map<String, Object> dimensions(Map<String, Object> alarm) {
        Map<String, Object> dimensions = new java.util.LinkedHashMap<>();
        for (Object each : list(alarm.get("Dimensions"))) {
            dimensions.put(String.valueOf(map(each).get("Name")), map(each).get("Value"));
        }
        return dimensions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
