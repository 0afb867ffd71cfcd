package io.columba.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Tinybird JSONPath of a {@code .datasource} column: {@code $} (the whole object), {@code $.a.b} (nested fields),
 * {@code $.['key with.dots']}, {@code $.arr[:]} (the whole array) and {@code $.arr[:].f} (field {@code f} of each
 * element). Grammar: {@code Path --> '$' Step*; Step --> '.' Name | '.[' Quoted ']' | '[:]'}.
 *
 * @param text the path as written
 * @param steps field names, with {@link #EACH} for {@code [:]}
 */
public record JsonPath(String text, List<String> steps) {
    /** The step {@code [:]}: every element of an array. */
    public static final String EACH = "[:]";

    public JsonPath {
        steps = List.copyOf(steps);
    }

    /** Parses {@code text}; throws {@link ErrorCode#BAD_ARGUMENTS} saying what was expected. */
    public static JsonPath parse(String text) {
        String path = text.strip();
        if (!path.startsWith("$")) {
            throw invalid(text, "expected it to start with '$'");
        }
        List<String> steps = new ArrayList<>();
        int at = 1;
        while (at < path.length()) {
            if (path.startsWith("[:]", at)) {
                steps.add(EACH);
                at += 3;
            } else if (path.startsWith(".['", at) || path.startsWith(".[\"", at)) {
                char quote = path.charAt(at + 2);
                int end = path.indexOf(quote + "]", at + 3);
                if (end < 0) {
                    throw invalid(text, "expected " + quote + "] to close the quoted key");
                }
                steps.add(path.substring(at + 3, end));
                at = end + 2;
            } else if (path.charAt(at) == '.') {
                int end = at + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == at + 1) {
                    throw invalid(text, "expected a field name after '.' at position " + at);
                }
                steps.add(path.substring(at + 1, end));
                at = end;
            } else {
                throw invalid(
                        text, "expected '.', '.[' or '[:]' at position " + at + ", found '" + path.charAt(at) + "'");
            }
        }
        return new JsonPath(path, steps);
    }

    /** The path {@code $.<name>} used when a column declares none. */
    public static JsonPath ofField(String name) {
        return new JsonPath("$." + name, List.of(name));
    }

    /**
     * The value at this path in {@code root}, or null when a field on the way is missing. After {@code [:]} the
     * remaining steps apply to each element and the results form an array (elements lacking the field are left
     * out); {@code [:]} on something that is not an array gives null.
     */
    public JsonNode select(JsonNode root) {
        return select(root, 0);
    }

    private JsonNode select(JsonNode node, int from) {
        JsonNode current = node;
        for (int i = from; i < steps.size(); i++) {
            if (current == null || current.isNull()) {
                return null;
            }
            String step = steps.get(i);
            if (step.equals(EACH)) {
                if (!current.isArray()) {
                    return null;
                }
                if (i + 1 == steps.size()) {
                    return current;
                }
                ArrayNode projected = JsonNodeFactory.instance.arrayNode(current.size());
                for (JsonNode element : current) {
                    JsonNode value = select(element, i + 1);
                    if (value != null) {
                        projected.add(value);
                    }
                }
                return projected;
            }
            current = current.isObject() ? current.get(step) : null;
        }
        return current;
    }

    private static ColumbaException invalid(String text, String reason) {
        return new ColumbaException(ErrorCode.BAD_ARGUMENTS, "Invalid JSONPath '" + text + "': " + reason);
    }
}
