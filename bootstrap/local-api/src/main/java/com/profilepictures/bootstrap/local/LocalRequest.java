package com.profilepictures.bootstrap.local;

import java.util.List;
import java.util.Map;

/** One HTTP request as the local API received it, before it becomes a proxy event. */
record LocalRequest(
        String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body, String sourceIp) {

    String firstHeader(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
