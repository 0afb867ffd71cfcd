package io.columba.workspace.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to render a template. {@code parameters} are the request's, each name with its values in order (one value
 * for {@code ?a=1}, several for {@code ?a=1&a=2}); {@code secrets} names the workspace secrets {@code tb_secret()}
 * may bind; {@code validation} renders as Tinybird's build-time check does, missing parameters becoming
 * placeholders and {@code error()} a comment; {@code jobTimestamp} ({@code YYYY-MM-DD HH:MM:SS}) is the value of
 * {@code job_timestamp} when the request does not give one, {@code null} for the current UTC time.
 */
public record RenderOptions(
        Map<String, List<String>> parameters, Set<String> secrets, boolean validation, String jobTimestamp) {
    public RenderOptions {
        parameters = Map.copyOf(parameters);
        secrets = Set.copyOf(secrets);
    }

    /** A request with these parameters and no secrets. */
    public static RenderOptions of(Map<String, List<String>> parameters) {
        return new RenderOptions(parameters, Set.of(), false, null);
    }

    /** Tinybird's test mode with no parameters: what a build renders to check a node's SQL. */
    public static RenderOptions forValidation() {
        return new RenderOptions(Map.of(), Set.of(), true, null);
    }

    public RenderOptions withSecrets(Set<String> names) {
        return new RenderOptions(parameters, names, validation, jobTimestamp);
    }

    public RenderOptions withValidation(boolean enabled) {
        return new RenderOptions(parameters, secrets, enabled, jobTimestamp);
    }

    public RenderOptions withJobTimestamp(String timestamp) {
        return new RenderOptions(parameters, secrets, validation, timestamp);
    }
}
