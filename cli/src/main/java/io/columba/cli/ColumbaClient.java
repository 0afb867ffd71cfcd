package io.columba.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP client of the commands that talk to a running Columba's Tinybird API: its base URL and a token, by
 * default the admin token {@code GET /tokens} gives, as the {@code tb} CLI gets it from Tinybird Local.
 */
final class ColumbaClient {
    static final String DEFAULT_HOST = "http://127.0.0.1:7181";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String token;

    private ColumbaClient(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** A client of {@code host} with {@code token}, or the admin token of {@code /tokens} when it is null. */
    static ColumbaClient connect(String host, String token) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
        ColumbaClient anonymous = new ColumbaClient(http, base, null);
        return new ColumbaClient(http, base, token != null ? token : anonymous.adminToken());
    }

    String base() {
        return base;
    }

    /** A request to {@code path} (with its query string) carrying the token. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandFailure(
                    "cannot reach Columba at " + base + " (" + e + "); is './columba local start' running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted", e);
        }
    }

    private String adminToken() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/tokens"))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
        try {
            JsonNode admin = JSON.readTree(response.body()).get("admin_token");
            if (response.statusCode() == 200 && admin != null) {
                return admin.asText();
            }
        } catch (IOException e) {
            // not JSON: reported below
        }
        throw new CommandFailure("cannot get a token from " + base + "/tokens (HTTP " + response.statusCode()
                + "); pass one with --token");
    }

    /** The {@code error} field of a JSON error body, else the status and body. */
    static String errorMessage(HttpResponse<String> response) {
        try {
            JsonNode error = JSON.readTree(response.body()).get("error");
            if (error != null) {
                return error.asText();
            }
        } catch (IOException e) {
            // not JSON: print the body as it is
        }
        return "HTTP " + response.statusCode() + ": " + response.body().strip();
    }
}
