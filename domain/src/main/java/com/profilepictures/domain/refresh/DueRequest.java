package com.profilepictures.domain.refresh;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which page of accounts due for a refresh to read: those last checked before {@code checkedBefore} and not
 * queued for a refresh that is still running at {@code now}, in segment {@code segment} of
 * {@code totalSegments} (so that readers can share the walk), after {@code after}, reading at most
 * {@code limit} stored accounts. With {@code unarchivedBefore} (the sweep), the same pass also finds the
 * pictures first seen before it that are neither archived nor judged not archivable ({@link DuePage#unarchived()}).
 */
public record DueRequest(
        Instant checkedBefore,
        Instant now,
        int segment,
        int totalSegments,
        Optional<DueCursor> after,
        int limit,
        Optional<Instant> unarchivedBefore) {

    public static final int MAX_LIMIT = 1000;
    /** The most segments DynamoDB splits one scan into. */
    public static final int MAX_SEGMENTS = 1_000_000;

    public DueRequest {
        Objects.requireNonNull(checkedBefore, "checkedBefore");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(unarchivedBefore, "unarchivedBefore");
        if (totalSegments < 1 || totalSegments > MAX_SEGMENTS || segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("Segment " + segment + " of " + totalSegments + ": there are 1 to "
                    + MAX_SEGMENTS + " segments, numbered from 0.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A page of due accounts reads 1 to " + MAX_LIMIT + ": " + limit);
        }
    }

    /** The first page of {@code segment}. */
    public static DueRequest first(Instant checkedBefore, Instant now, int segment, int totalSegments, int limit) {
        return new DueRequest(checkedBefore, now, segment, totalSegments, Optional.empty(), limit, Optional.empty());
    }

    /** This request also finding the pictures first seen before {@code before} and still not archived. */
    public DueRequest sweeping(Instant before) {
        return new DueRequest(checkedBefore, now, segment, totalSegments, after, limit, Optional.of(before));
    }

    /** The page after {@code page}, which must have a next one. */
    public DueRequest after(DuePage page) {
        return new DueRequest(
                checkedBefore,
                now,
                segment,
                totalSegments,
                Optional.of(page.next().orElseThrow()),
                limit,
                unarchivedBefore);
    }
}
