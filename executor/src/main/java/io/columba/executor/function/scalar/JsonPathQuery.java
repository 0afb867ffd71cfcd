package io.columba.executor.function.scalar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SQL/JSON path as JSON_VALUE and JSON_QUERY take it: {@code $}, then {@code .key}, {@code ["key"]},
 * {@code [n]} (0-based), {@code [n to m]} (m excluded), {@code [a, b]} and {@code [*]} / {@code .*} steps.
 */
final class JsonPathQuery {
    /** One step: a key (null for every member) or index ranges (null for every element). */
    private record Step(String key, boolean member, long[] ranges) {}

    /** A JSON scalar: its JSON text and whether it is a string (then {@code text} is the unescaped value). */
    record Leaf(String text, boolean string) {}

    private final List<Step> steps;

    private JsonPathQuery(List<Step> steps) {
        this.steps = steps;
    }

    static JsonPathQuery parse(String function, String path) {
        String text = path.strip();
        if (!text.startsWith("$")) {
            throw bad(function, path);
        }
        List<Step> steps = new ArrayList<>();
        int at = 1;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.') {
                int end = at + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String key = text.substring(at + 1, end).strip();
                if (key.isEmpty()) {
                    throw bad(function, path);
                }
                steps.add(new Step(key.equals("*") ? null : unquote(key), true, null));
                at = end;
            } else if (c == '[') {
                int end = text.indexOf(']', at);
                if (end < 0) {
                    throw bad(function, path);
                }
                steps.add(bracket(function, path, text.substring(at + 1, end).strip()));
                at = end + 1;
            } else if (Character.isWhitespace(c)) {
                at++;
            } else {
                throw bad(function, path);
            }
        }
        return new JsonPathQuery(steps);
    }

    private static Step bracket(String function, String path, String inside) {
        if (inside.equals("*")) {
            return new Step(null, false, null);
        }
        if (inside.startsWith("\"") || inside.startsWith("'")) {
            return new Step(unquote(inside), true, null);
        }
        String[] parts = inside.split(",");
        long[] ranges = new long[parts.length * 2];
        try {
            for (int i = 0; i < parts.length; i++) {
                String[] bounds = parts[i].strip().split("\\s+to\\s+");
                ranges[2 * i] = Long.parseLong(bounds[0].strip());
                ranges[2 * i + 1] = bounds.length == 2 ? Long.parseLong(bounds[1].strip()) : ranges[2 * i] + 1;
            }
        } catch (NumberFormatException e) {
            throw bad(function, path);
        }
        return new Step(null, false, ranges);
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && (key.charAt(0) == '"' || key.charAt(0) == '\'') && key.endsWith(key.substring(0, 1))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }

    private static ColumbaException bad(String function, String path) {
        return new ColumbaException(
                ErrorCode.BAD_ARGUMENTS, "Cannot parse JSON path '" + path + "' of function " + function);
    }

    /** Every value the path selects in the document, in document order; empty for invalid JSON. */
    List<Object> select(byte[] data, int from, int to) {
        Object root;
        try (JsonParser parser = JsonPaths.FACTORY.createParser(data, from, to - from)) {
            if (parser.nextToken() == null) {
                return List.of();
            }
            root = read(parser);
            if (parser.nextToken() != null) {
                return List.of();
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<Object> current = List.of(root);
        for (Step step : steps) {
            List<Object> next = new ArrayList<>();
            for (Object value : current) {
                apply(step, value, next);
            }
            current = next;
        }
        return current;
    }

    private static void apply(Step step, Object value, List<Object> out) {
        if (step.member()) {
            if (value instanceof Map<?, ?> object) {
                if (step.key() == null) {
                    out.addAll(object.values());
                } else if (object.containsKey(step.key())) {
                    out.add(object.get(step.key()));
                }
            }
            return;
        }
        if (!(value instanceof List<?> array)) {
            return;
        }
        if (step.ranges() == null) {
            out.addAll(array);
            return;
        }
        for (int r = 0; r < step.ranges().length; r += 2) {
            for (long i = step.ranges()[r]; i < step.ranges()[r + 1] && i < array.size(); i++) {
                if (i >= 0) {
                    out.add(array.get((int) i));
                }
            }
        }
    }

    /** The value under the parser as Map, List or Leaf. */
    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    object.putIfAbsent(key, read(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return new Leaf(parser.getText(), true);
            }
            default -> {
                return new Leaf(parser.getText(), false);
            }
        }
    }

    /** The value as compact JSON text. */
    static void write(Object value, StringBuilder out) {
        switch (value) {
            case Map<?, ?> object -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : object.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote((String) entry.getKey(), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case List<?> array -> {
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out);
                }
                out.append(']');
            }
            case Leaf leaf -> {
                if (leaf.string()) {
                    quote(leaf.text(), out);
                } else {
                    out.append(leaf.text());
                }
            }
            default -> throw new IllegalStateException("not a JSON value: " + value);
        }
    }

    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
