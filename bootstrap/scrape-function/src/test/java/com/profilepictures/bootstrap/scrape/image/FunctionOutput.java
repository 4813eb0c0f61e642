package com.profilepictures.bootstrap.scrape.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.testcontainers.containers.output.OutputFrame;

/**
 * What the function's container writes to its standard output and error, as Lambda's log capture reads it:
 * line by line. Registered as the container's log consumer; a test waits here for a line to arrive rather
 * than sleeping.
 */
public final class FunctionOutput implements Consumer<OutputFrame> {

    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void accept(OutputFrame frame) {
        text.append(frame.getUtf8String());
        notifyAll();
    }

    @Override
    public synchronized String toString() {
        return text.toString();
    }

    /**
     * The first whole line that is a JSON object and matches {@code wanted}, waiting up to {@code wait} for it;
     * empty if none came. A line counts once it ends: Lambda's capture of a container's output, like the
     * engine's, splits it at newlines, and a line that never ends never reaches CloudWatch Logs.
     */
    public synchronized Optional<JsonObject> awaitJsonLine(Predicate<JsonObject> wanted, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<JsonObject> found = jsonLine(wanted);
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            Duration remaining = Duration.ofNanos(left);
            wait(Math.max(1, remaining.toMillis()));
        }
    }

    private Optional<JsonObject> jsonLine(Predicate<JsonObject> wanted) {
        String all = text.toString();
        int end = all.lastIndexOf('\n');
        if (end < 0) {
            return Optional.empty();
        }
        for (String line : all.substring(0, end).split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("{")) {
                continue;
            }
            try {
                JsonElement parsed = JsonParser.parseString(trimmed);
                if (parsed.isJsonObject() && wanted.test(parsed.getAsJsonObject())) {
                    return Optional.of(parsed.getAsJsonObject());
                }
            } catch (JsonParseException notOneObject) {
                // Two objects run together, or a cut one: not a line CloudWatch would read as JSON.
            }
        }
        return Optional.empty();
    }
}
