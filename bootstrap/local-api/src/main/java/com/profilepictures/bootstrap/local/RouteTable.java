package com.profilepictures.bootstrap.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches a method and path against the template's routes, as API Gateway's resource tree does. */
final class RouteTable {

    record Match(SamTemplate.Route route, Map<String, String> pathParameters) {}

    private record Compiled(SamTemplate.Route route, Pattern pattern, List<String> names) {}

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)\\}");

    private final List<Compiled> routes = new ArrayList<>();

    RouteTable(List<SamTemplate.Route> routes) {
        for (SamTemplate.Route route : routes) {
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            Matcher matcher = PARAMETER.matcher(route.path());
            int last = 0;
            while (matcher.find()) {
                regex.append(Pattern.quote(route.path().substring(last, matcher.start())))
                        .append("([^/]+)");
                names.add(matcher.group(1));
                last = matcher.end();
            }
            regex.append(Pattern.quote(route.path().substring(last)));
            this.routes.add(new Compiled(route, Pattern.compile(regex.toString()), names));
        }
    }

    /** The route for this method and raw (still percent-encoded) path, if the template has one. */
    Optional<Match> match(String method, String rawPath) {
        for (Compiled compiled : routes) {
            Matcher matcher = compiled.pattern().matcher(rawPath);
            if (compiled.route().method().equals(method) && matcher.matches()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int i = 0; i < compiled.names().size(); i++) {
                    parameters.put(compiled.names().get(i), decodePathSegment(matcher.group(i + 1)));
                }
                return Optional.of(new Match(compiled.route(), parameters));
            }
        }
        return Optional.empty();
    }

    /** True when some route has this path under another method: the browser's CORS preflight case. */
    boolean hasPath(String rawPath) {
        return routes.stream()
                .anyMatch(compiled -> compiled.pattern().matcher(rawPath).matches());
    }

    private static String decodePathSegment(String segment) {
        try {
            // '+' is a plus in a path, not a space.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment; // a stray '%': the handler rejects the handle with a 400 of its own
        }
    }
}
