package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.profilepictures.application.ArchivePicture;
import com.profilepictures.application.ScrapeWrite;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The picture table's stream, a batch of records at a time: every picture a scrape stored is archived
 * ({@link ArchivePicture}); every other write is ignored. Which is which is the table's to say: the adapter
 * that owns its schema reads each record into a {@link ScrapeWrite}, and this only turns the batch into use
 * case calls. A record that fails is
 * reported in a partial batch response, with every record after it unprocessed: Lambda delivers the stream
 * in order and retries from the first failure reported, so the later records come again anyway, and
 * archiving them now would only do their work twice. A permanent outcome (not an image) is logged, not failed.
 */
public final class ArchivePictureHandler {

    private final Archiving archiving;
    private final Function<DynamodbEvent.DynamodbStreamRecord, ScrapeWrite> scrapeWrites;
    private final Clock clock;

    /**
     * {@code scrapeWrites} reads a record of the table's stream (the DynamoDB adapter's {@code PictureStream});
     * {@code clock} times records for the log.
     */
    public ArchivePictureHandler(
            ArchivePicture archivePicture,
            Function<DynamodbEvent.DynamodbStreamRecord, ScrapeWrite> scrapeWrites,
            Clock clock) {
        this.archiving = new Archiving(archivePicture, clock);
        this.scrapeWrites = scrapeWrites;
        this.clock = clock;
    }

    public StreamsEventResponse handle(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> records =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String sequenceNumber =
                    record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            if (!failures.isEmpty()) {
                failures.add(failure(sequenceNumber));
                continue;
            }
            if (!archive(record, sequenceNumber, context)) {
                failures.add(failure(sequenceNumber));
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /** Archives one record's picture, if it has one; false when it failed and must come again. */
    private boolean archive(DynamodbEvent.DynamodbStreamRecord record, String sequenceNumber, Context context) {
        long startedAt = clock.millis();
        LogLine log = new LogLine(Instant.ofEpochMilli(startedAt), context == null ? null : context.getAwsRequestId())
                .put("eventID", record.getEventID())
                .put("sequenceNumber", sequenceNumber)
                .put("eventName", record.getEventName());
        return switch (scrapeWrites.apply(record)) {
            case ScrapeWrite.Ignored(String why, boolean expected) -> {
                log.put("outcome", "ignored")
                        .put("why", why)
                        .level(expected ? Level.INFO : Level.WARNING)
                        .write(clock.millis() - startedAt);
                yield true;
            }
            case ScrapeWrite.Stored stored ->
                archiving.archive(stored.handle(), stored.picture(), stored.scrapedAt(), log, startedAt);
        };
    }

    private static StreamsEventResponse.BatchItemFailure failure(String sequenceNumber) {
        return StreamsEventResponse.BatchItemFailure.builder()
                .withItemIdentifier(sequenceNumber)
                .build();
    }
}
