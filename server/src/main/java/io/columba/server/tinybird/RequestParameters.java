package io.columba.server.tinybird;

import io.columba.server.http.ApiRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a Tinybird API request: the URL's and, for POST, the form body's (URL values first), and the
 * query settings among them ({@code output_format_*}, {@code max_*}), which clients pass like any parameter.
 */
final class RequestParameters {
    private static final List<String> SETTING_PREFIXES = List.of("output_format_", "max_");

    private RequestParameters() {}

    /** All parameters, each name with its values in order; repeated keys ({@code ids=1&ids=2}) keep every value. */
    static Map<String, List<String>> all(ApiRequest request) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        for (Map<String, List<String>> source : List.of(request.parameters(), request.formFields())) {
            for (Map.Entry<String, List<String>> parameter : source.entrySet()) {
                merged.computeIfAbsent(parameter.getKey(), name -> new ArrayList<>())
                        .addAll(parameter.getValue());
            }
        }
        return merged;
    }

    /** The first value of {@code name}, or null. */
    static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The query settings among {@code parameters}; template values and tracking parameters are not settings. */
    static Map<String, String> settings(Map<String, List<String>> parameters) {
        Map<String, String> settings = new HashMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (isSetting(parameter.getKey()) && !parameter.getValue().isEmpty()) {
                settings.put(parameter.getKey(), parameter.getValue().get(0));
            }
        }
        return settings;
    }

    private static boolean isSetting(String name) {
        for (String prefix : SETTING_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
