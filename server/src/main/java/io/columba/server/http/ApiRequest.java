package io.columba.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request copied off the event loop's buffers: method, decoded path, URL parameters, headers and body, and
 * the {@link Cancellation} its queries run under (cancelled when the client goes away). Immutable, so a query
 * thread can work on it after Netty has released the original.
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, List<String>> parameters,
        HttpHeaders headers,
        byte[] body,
        Cancellation cancellation) {
    public ApiRequest {
        parameters = Map.copyOf(parameters);
    }

    public ApiRequest(
            String method, String path, Map<String, List<String>> parameters, HttpHeaders headers, byte[] body) {
        this(method, path, parameters, headers, body, Cancellation.NONE);
    }

    /** This request with its queries under {@code cancellation}. */
    public ApiRequest withCancellation(Cancellation cancellation) {
        return new ApiRequest(method, path, parameters, headers, body, cancellation);
    }

    public static ApiRequest from(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
        return new ApiRequest(
                request.method().name(),
                uri.path(),
                new LinkedHashMap<>(uri.parameters()),
                request.headers().copy(),
                ByteBufUtil.getBytes(request.content()));
    }

    /** The first value of URL parameter {@code name}, or null. */
    public String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String header(CharSequence name) {
        return headers.get(name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isGet() {
        return method.equals("GET") || method.equals("HEAD");
    }

    /** Whether the body is an HTML form ({@code application/x-www-form-urlencoded}). */
    public boolean hasFormBody() {
        String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The fields of a form body; empty when the body is not a form. */
    public Map<String, List<String>> formFields() {
        if (!hasFormBody() || body.length == 0) {
            return Map.of();
        }
        return new QueryStringDecoder(bodyText(), StandardCharsets.UTF_8, false).parameters();
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null. */
    public String bearerToken() {
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
