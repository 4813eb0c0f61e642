package com.profilepictures.adapters.crawler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The {@code User-Agent} the crawler presents when the operator sets none: this service, by name, version
 * and home, in the {@code name/version (+url)} form crawlers use, so that X's operators can tell who is
 * asking and where to read about it. Which crawlers X answers with server-rendered pages is X's decision.
 */
public final class CrawlerUserAgent {

    /** The product token: what this service calls itself to the sites it reads. */
    public static final String PRODUCT = "profile-pictures-bot";

    // A product version token (RFC 9110): no spaces, slashes or parentheses.
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]{1,64}");

    private CrawlerUserAgent() {}

    /** This build's own: {@code profile-pictures-bot/{version} (+{project URL})}, both from the build. */
    public static String ofThisService() {
        Properties service = new Properties();
        try (InputStream in = CrawlerUserAgent.class.getResourceAsStream("service.properties")) {
            if (in == null) {
                throw new IllegalStateException("service.properties is missing from the crawler's jar");
            }
            service.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the crawler's service.properties", e);
        }
        return of(service.getProperty("version", ""), URI.create(service.getProperty("url", "")));
    }

    /** {@code profile-pictures-bot/{version} (+{projectUrl})}. */
    public static String of(String version, URI projectUrl) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("Not a product version: " + version);
        }
        String scheme = projectUrl.getScheme();
        if (!("https".equals(scheme) || "http".equals(scheme)) || projectUrl.getHost() == null) {
            throw new IllegalArgumentException("The project URL must be an absolute http(s) URL: " + projectUrl);
        }
        return PRODUCT + "/" + version + " (+" + projectUrl + ")";
    }
}
