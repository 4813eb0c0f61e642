package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.application.ArchivePicture;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The archive queue's batch of messages ({@code SQSEvent}): each a stored picture the refresh planner's sweep found
 * still not archived, archived again through the same use case as the table's stream ({@link ArchivePicture},
 * idempotent). The answer ({@code ReportBatchItemFailures}) names the messages to deliver again: those whose
 * archiving failed (S3, the table or X's image host away) and those that name no picture (a poison message), which
 * after the queue's receives end in its dead-letter queue. A permanent outcome (not an image) is done with: the
 * use case marks it on the item, and the sweep never sends it again. A message's body is the handle; its
 * {@value #PICTURE} and {@value #SCRAPED_AT} attributes say which picture and when it was first seen (adapters-sqs's
 * {@code SqsArchiveQueue} writes them so).
 *
 * <p>Why an entry of its own rather than the stream's handler generalised: the two events differ in shape and in
 * what a failure means (a stream retries from the first failed record on, in order; a queue retries each message
 * on its own), so one handler would be two behind a type test.
 */
public final class ArchiveSweepHandler {

    static final String PICTURE = "picture";
    static final String SCRAPED_AT = "scrapedAt";

    private final Archiving archiving;
    private final Clock clock;

    /** {@code clock} times messages for the log. */
    public ArchiveSweepHandler(ArchivePicture archivePicture, Clock clock) {
        this.archiving = new Archiving(archivePicture, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SQSBatchResponse handle(SQSEvent event, Context context) {
        List<String> failed = new ArrayList<>();
        for (SQSEvent.SQSMessage message : SqsBatches.messages(event)) {
            if (!archive(message, context)) {
                failed.add(message.getMessageId());
            }
        }
        return SqsBatches.failing(failed);
    }

    /** One message's picture archived, or false when the message must come again. */
    private boolean archive(SQSEvent.SQSMessage message, Context context) {
        long startedAt = clock.millis();
        LogLine log = new LogLine(Instant.ofEpochMilli(startedAt), context == null ? null : context.getAwsRequestId())
                .put("event", "archive_sweep")
                .put("messageId", message.getMessageId());
        Handle handle;
        PictureUrl picture;
        Instant scrapedAt;
        try {
            if (message.getBody() == null) {
                throw new IllegalArgumentException("no body: the sweep's message body is a handle");
            }
            handle = Handle.of(message.getBody().strip());
            picture = PictureUrl.of(attribute(message, PICTURE));
            scrapedAt = Instant.ofEpochMilli(Long.parseLong(attribute(message, SCRAPED_AT)));
        } catch (IllegalArgumentException unreadable) {
            log.put("outcome", "unreadable")
                    .put("why", unreadable.getMessage())
                    .level(Level.WARNING)
                    .write(clock.millis() - startedAt);
            return false;
        }
        return archiving.archive(handle, picture, scrapedAt, log, startedAt);
    }

    private static String attribute(SQSEvent.SQSMessage message, String name) {
        SQSEvent.MessageAttribute attribute = message.getMessageAttributes() == null
                ? null
                : message.getMessageAttributes().get(name);
        if (attribute == null || attribute.getStringValue() == null) {
            throw new IllegalArgumentException("no " + name + " attribute: the sweep's messages carry one");
        }
        return attribute.getStringValue().strip();
    }
}
