package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.profilepictures.application.ArchivePicture;
import com.profilepictures.application.ArchiveResult;
import com.profilepictures.application.ScrapeWrite;
import com.profilepictures.domain.ArchiveUnavailableException;
import com.profilepictures.domain.PictureHostUnavailableException;
import com.profilepictures.domain.StorageUnavailableException;
import java.time.Clock;
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

    private final ArchivePicture archivePicture;
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
        this.archivePicture = archivePicture;
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
        RecordLog log = new RecordLog(record.getEventID(), sequenceNumber).put("eventName", record.getEventName());
        ScrapeWrite write = scrapeWrites.apply(record);
        if (write instanceof ScrapeWrite.Ignored ignored) {
            log.put("outcome", "ignored")
                    .put("why", ignored.why())
                    .level(ignored.expected() ? LogLevel.INFO : LogLevel.WARN)
                    .write(context, clock.millis() - startedAt);
            return true;
        }
        var stored = (ScrapeWrite.Stored) write;
        log.put("handle", stored.handle().display())
                .put("picture", stored.picture().value());
        try {
            ArchiveResult result = archivePicture.archive(stored.handle(), stored.picture(), stored.scrapedAt());
            describe(result, log);
            log.write(context, clock.millis() - startedAt);
            return true;
        } catch (OutOfMemoryError fatal) {
            throw fatal;
        } catch (RuntimeException | Error failure) {
            // An outage is expected now and then and explains itself; anything else is a bug, logged in full.
            boolean outage = failure instanceof StorageUnavailableException
                    || failure instanceof ArchiveUnavailableException
                    || failure instanceof PictureHostUnavailableException;
            log.put("outcome", "failed")
                    .level(outage ? LogLevel.WARN : LogLevel.ERROR)
                    .failure(failure, !outage)
                    .write(context, clock.millis() - startedAt);
            return false;
        }
    }

    // ArchivePictureHandlerTest walks every kind of ArchiveResult, so none is logged as unmapped.
    static void describe(ArchiveResult result, RecordLog log) {
        if (result instanceof ArchiveResult.Archived archived) {
            log.put("outcome", "archived")
                    .put("version", archived.version().sha256())
                    .put("marked", archived.marked());
        } else if (result instanceof ArchiveResult.AlreadyArchived already) {
            log.put("outcome", "already_archived")
                    .put("version", already.version().sha256())
                    .put("marked", already.marked());
        } else if (result instanceof ArchiveResult.NotArchivable notArchivable) {
            // Permanent: retrying would end the same way, so the record succeeds and the next scrape tries again.
            log.put("outcome", "not_archivable")
                    .put("reason", notArchivable.reason())
                    .level(LogLevel.WARN);
        } else {
            log.put("outcome", "unmapped: " + result).level(LogLevel.ERROR);
        }
    }

    private static StreamsEventResponse.BatchItemFailure failure(String sequenceNumber) {
        return StreamsEventResponse.BatchItemFailure.builder()
                .withItemIdentifier(sequenceNumber)
                .build();
    }
}
