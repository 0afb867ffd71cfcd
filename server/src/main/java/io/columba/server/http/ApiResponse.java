package io.columba.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP response: status, Content-Type (null for an empty body), extra headers and body. */
public record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public static final String TEXT = "text/plain; charset=UTF-8";
    public static final String JSON = "application/json; charset=UTF-8";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse text(int status, String text) {
        return new ApiResponse(status, TEXT, Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, null, Map.of(), new byte[0]);
    }

    /** {@code value} (maps, lists, strings, numbers) as a JSON body. */
    public static ApiResponse json(int status, Object value) {
        try {
            return new ApiResponse(status, JSON, Map.of(), MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON", e);
        }
    }

    /** Tinybird's error body: {@code {"error": "<message>"}}. */
    public static ApiResponse jsonError(int status, String message) {
        return json(status, Map.of("error", message));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, more, body);
    }
}
