package com.profilepictures.bootstrap.local;

import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The template's SQS queues on the local moto, each under its logical ID as its name, with the settings SQS
 * acts on locally: its visibility timeout, its retention and its redrive to its dead-letter queue (created
 * first), so that a message failing its receives moves there as it would deployed. The local setting
 * {@code QUEUE_VISIBILITY_TIMEOUT} replaces every queue's visibility timeout (a test's few seconds in place of the
 * template's half hour), so that a message its function failed comes back, and after its receives dead-letters,
 * while one watches.
 */
final class TemplateQueues {

    private TemplateQueues() {}

    /**
     * Creates every queue of {@code template} on {@code endpoint} where missing, each with {@code visibility} as
     * its visibility timeout if given; answers each one's URL by ID.
     */
    static Map<String, String> create(
            SamTemplate template, URI endpoint, String region, Optional<Duration> visibility) {
        Map<String, Map<String, Object>> queues = template.resources("AWS::SQS::Queue");
        Map<String, String> urls = new LinkedHashMap<>();
        if (queues.isEmpty()) {
            return urls;
        }
        SqsSettings settings = new SqsSettings(
                URI.create(endpoint + "/000000000000/unused"), region, Optional.of(endpoint), CredentialsSource.DUMMY);
        try (SqsClient client = SqsClients.create(settings)) {
            // Dead-letter queues first: a redrive policy names its target's ARN.
            List<String> order = new ArrayList<>();
            queues.forEach((id, queue) -> {
                if (redrive(queue).isEmpty()) {
                    order.add(id);
                }
            });
            queues.keySet().stream().filter(id -> !order.contains(id)).forEach(order::add);
            Map<String, String> arns = new LinkedHashMap<>();
            for (String id : order) {
                Map<String, Object> properties = properties(queues.get(id));
                Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
                copy(properties, "VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT, attributes);
                visibility.ifPresent(timeout -> attributes.put(
                        QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(Math.max(1, timeout.toSeconds()))));
                copy(properties, "MessageRetentionPeriod", QueueAttributeName.MESSAGE_RETENTION_PERIOD, attributes);
                redrive(queues.get(id)).ifPresent(policy -> {
                    String target =
                            String.valueOf(policy.get("deadLetterTargetArn")).replace(".Arn", "");
                    String arn = arns.get(target);
                    if (arn == null) {
                        throw new IllegalStateException(id + " dead-letters to " + target
                                + ", which is no dead-letter queue of template.yaml.");
                    }
                    attributes.put(
                            QueueAttributeName.REDRIVE_POLICY,
                            "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\""
                                    + policy.get("maxReceiveCount") + "\"}");
                });
                String url = client.createQueue(request -> request.queueName(id).attributes(attributes))
                        .queueUrl();
                urls.put(id, url);
                arns.put(
                        id,
                        client.getQueueAttributes(
                                        request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                                .attributes()
                                .get(QueueAttributeName.QUEUE_ARN));
            }
        }
        return urls;
    }

    private static void copy(
            Map<String, Object> properties,
            String property,
            QueueAttributeName attribute,
            Map<QueueAttributeName, String> attributes) {
        Object value = properties.get(property);
        if (value != null) {
            attributes.put(attribute, String.valueOf(value));
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> redrive(Map<String, Object> queue) {
        Object policy = properties(queue).get("RedrivePolicy");
        return policy instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }
}
