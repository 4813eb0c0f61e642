package com.profilepictures.bench.cold;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an API Gateway proxy event as Lambda's runtime does before calling the handler: JSON onto the
 * event classes' fields. Gson is used because the read jar ships it already, so nothing is added to
 * the measured classpath.
 */
public final class ProxyEventFile {

    private ProxyEventFile() {}

    public static APIGatewayProxyRequestEvent read(Path file) {
        try {
            return new Gson().fromJson(Files.readString(file), APIGatewayProxyRequestEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
