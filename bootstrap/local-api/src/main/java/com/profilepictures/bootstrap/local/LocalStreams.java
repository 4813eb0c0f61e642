package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.awsclients.CredentialsSource;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The template's DynamoDB stream events under {@code make run}: a {@link StreamPoller} per event, on the local
 * table the event's {@code Stream} names, feeding the function's entry class as Lambda's event source mapping
 * would. Closing it stops the pollers, then the client they share.
 */
final class LocalStreams implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StreamPoller.class.getName());

    private final List<AutoCloseable> started;

    private LocalStreams(List<AutoCloseable> started) {
        this.started = started;
    }

    static LocalStreams start(
            SamTemplate template,
            LocalInfrastructure infrastructure,
            FunctionLoader functions,
            PrintStream functionLog) {
        List<StreamEvent> events = template.streamEvents();
        List<AutoCloseable> started = new ArrayList<>();
        if (events.isEmpty()) {
            return new LocalStreams(started);
        }
        DynamoDbStreamsClient client = DynamoDbClients.createStreams(infrastructure.storage());
        started.add(client);
        LocalStreams streams = new LocalStreams(started);
        try {
            for (StreamEvent event : events) {
                if (!"handleRequest".equals(event.entryMethod())) {
                    throw new IllegalStateException(event.functionId() + "'s handler names " + event.entryClass()
                            + "::" + event.entryMethod()
                            + "; the local API calls only RequestHandler::handleRequest entries.");
                }
                String tableName = infrastructure
                        .nameOf(event.tableId())
                        .orElseThrow(() -> new IllegalStateException(event.functionId() + " reads the stream of "
                                + event.tableId() + ", which is no table of template.yaml."));
                BatchDelivery.OnFailure onFailure = event.onFailureQueueId()
                        .flatMap(infrastructure::nameOf)
                        .map(queueUrl -> onFailureQueue(infrastructure, queueUrl, started))
                        .orElse(BatchDelivery.OnFailure.NONE);
                started.add(StreamPoller.start(
                        client,
                        tableName,
                        event,
                        (records, requestId) -> {
                            // Built on the first batch, as Lambda starts a function on its first invocation.
                            RequestHandler<DynamodbEvent, StreamsEventResponse> function =
                                    functions.function(event.functionId(), event.entryClass());
                            return function.handleRequest(
                                    records, new LocalContext(requestId, event.functionId(), functionLog));
                        },
                        LOG,
                        StreamPoller.Timing.LAMBDA,
                        onFailure));
            }
        } catch (RuntimeException e) {
            streams.close();
            throw e;
        }
        return streams;
    }

    /** The template's OnFailure queue on the local SQS: one message a batch given up on, as Lambda sends it. */
    private static BatchDelivery.OnFailure onFailureQueue(
            LocalInfrastructure infrastructure, String queueUrl, List<AutoCloseable> started) {
        URI endpoint =
                URI.create(infrastructure.environment().get("SQS_ENDPOINT").orElseThrow());
        SqsClient sqs = SqsClients.create(new SqsSettings(
                URI.create(queueUrl),
                infrastructure.storage().region(),
                Optional.of(endpoint),
                CredentialsSource.DUMMY));
        // Closed after the pollers that use it (they are added after it, and closed in reverse).
        started.add(sqs);
        return invocationRecord ->
                sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(invocationRecord));
    }

    /** The pollers first, the client they share last. */
    @Override
    public void close() {
        StartedParts.closeInReverse(started, LOG);
    }
}
