package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the REST API proxy event that API Gateway would hand a Lambda function for one HTTP request. */
final class ProxyEvents {

    private ProxyEvents() {}

    static APIGatewayProxyRequestEvent event(LocalRequest request, RouteTable.Match match, String requestId) {
        var event = new APIGatewayProxyRequestEvent();
        event.setHttpMethod(request.method());
        event.setPath(request.path());
        event.setResource(match.route().path());
        event.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());

        Map<String, List<String>> query = query(request.rawQuery());
        event.setMultiValueQueryStringParameters(query.isEmpty() ? null : query);
        event.setQueryStringParameters(query.isEmpty() ? null : lastValues(query));
        event.setMultiValueHeaders(request.headers().isEmpty() ? null : request.headers());
        event.setHeaders(request.headers().isEmpty() ? null : lastValues(request.headers()));

        // API Gateway passes text bodies as they are and anything else base64-encoded.
        byte[] body = request.body();
        if (body.length == 0) {
            event.setBody(null);
            event.setIsBase64Encoded(false);
        } else {
            String text = utf8(body);
            event.setBody(text != null ? text : Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(text == null);
        }

        var identity = new RequestIdentity();
        identity.setSourceIp(request.sourceIp());
        identity.setUserAgent(request.firstHeader("User-Agent"));
        var context = new ProxyRequestContext();
        context.setRequestId(requestId);
        context.setStage("local");
        context.setHttpMethod(request.method());
        // What API Gateway sends is the path the client used: behind its default endpoint that starts with the
        // stage; here the client used the bare route, and links built from this must work here.
        context.setPath(request.path());
        context.setResourcePath(match.route().path());
        context.setProtocol("HTTP/1.1");
        context.setAccountId("000000000000");
        context.setApiId("local");
        context.setIdentity(identity);
        event.setRequestContext(context);
        event.setStageVariables(null);
        return event;
    }

    /** Query parameters in order, every value of a repeated name kept, decoded as API Gateway does. */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
        return single;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
