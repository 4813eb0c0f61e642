package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The absolute URLs of this service's image route, built from the request a body answers: the scheme and
 * host the client used, and the stage or base path it came through, so that a link works behind API
 * Gateway's {@code /{stage}} prefix, behind a custom domain's base path, and locally alike. A request that
 * names no usable host (a console test event, a direct invoke) gets links relative to the host it came to:
 * a presentation detail never fails an answer, least of all one that follows a write.
 */
final class ImageLinks {

    // A host name or IPv4 address, or a bracketed IPv6 address, with an optional port: nothing that could
    // turn a link into another one (no '/', '@', '?', '#' or spaces).
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");
    private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

    private final String base;

    private ImageLinks(String base) {
        this.base = base;
    }

    static ImageLinks of(APIGatewayProxyRequestEvent event) {
        String origin = host(event).map(host -> scheme(event) + "://" + host).orElse("");
        return new ImageLinks(origin + basePath(event));
    }

    /** {@code …/user/{handle}/profile_pic/image}: the account's newest archived picture. */
    String image(Handle handle) {
        return base + "/user/" + handle.display() + "/profile_pic/image";
    }

    /** The same with {@code ?version=}: that very copy, for good. */
    String image(Handle handle, ImageVersion version) {
        return image(handle) + "?version=" + version.sha256();
    }

    /**
     * API Gateway tells its functions which scheme the client used; a request without the header came
     * straight to a local server, which speaks plain HTTP.
     */
    private static String scheme(APIGatewayProxyRequestEvent event) {
        String forwarded = header(event, "X-Forwarded-Proto");
        return forwarded != null && forwarded.equalsIgnoreCase("https") ? "https" : "http";
    }

    /**
     * The {@code Host} header, else the domain name API Gateway received the request on. API Gateway always
     * sends both; an event made by hand may send neither.
     */
    private static Optional<String> host(APIGatewayProxyRequestEvent event) {
        String host = header(event, "Host");
        if (host != null && HOST.matcher(host).matches()) {
            return Optional.of(host);
        }
        String domain = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getDomainName();
        if (domain != null && HOST.matcher(domain).matches()) {
            return Optional.of(domain);
        }
        return Optional.empty();
    }

    /**
     * What precedes the route in the path the client used: {@code requestContext.path} is that path
     * ({@code /Prod/user/jack/history}), {@code path} the route's part of it ({@code /user/jack/history}).
     */
    private static String basePath(APIGatewayProxyRequestEvent event) {
        String fullPath = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getPath();
        String routePath = event.getPath();
        if (fullPath == null || routePath == null || !fullPath.endsWith(routePath)) {
            return "";
        }
        String prefix = fullPath.substring(0, fullPath.length() - routePath.length());
        return BASE_PATH.matcher(prefix).matches() ? prefix : "";
    }

    // Header names are case-insensitive, and HTTP/2 clients send them in lower case.
    private static String header(APIGatewayProxyRequestEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        String lowerCase = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null
                    && header.getKey().toLowerCase(Locale.ROOT).equals(lowerCase)) {
                return header.getValue();
            }
        }
        return null;
    }
}
