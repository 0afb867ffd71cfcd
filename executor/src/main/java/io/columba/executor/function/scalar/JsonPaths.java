package io.columba.executor.function.scalar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Walks a JSON document to the value at a path of keys and 1-based indexes (negative: from the end), as
 * ClickHouse's JSON* functions do; an invalid document has no values at all.
 */
final class JsonPaths {
    private JsonPaths() {}

    static final JsonFactory FACTORY = new JsonFactory();

    /** What to do with the value found; called with the parser on the value's first token. */
    interface Visitor<T> {
        T visit(JsonParser parser) throws IOException;
    }

    /** The visitor's answer for the value at the path, or null when the path is absent or the JSON invalid. */
    static <T> T find(byte[] data, int from, int to, Object[] path, Visitor<T> visitor) {
        try (JsonParser parser = FACTORY.createParser(data, from, to - from)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            T result = null;
            boolean found = walk(parser, path, 0, data, from, to);
            if (found) {
                result = visitor.visit(parser);
                if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                }
            }
            // The rest must be valid too: ClickHouse parses the whole document first.
            while (parser.nextToken() != null) {
                if (parser.getParsingContext().inRoot() && parser.currentToken().isStructStart()) {
                    return null;
                }
                if (parser.getParsingContext().inRoot() && parser.currentToken().isScalarValue()) {
                    return null;
                }
            }
            return found ? result : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Moves the parser to the value at path[depth..]; false when absent (the parser is then left mid-way). */
    private static boolean walk(JsonParser parser, Object[] path, int depth, byte[] data, int from, int to)
            throws IOException {
        for (int d = depth; d < path.length; d++) {
            Object step = path[d];
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                if (!enterObject(parser, step, data, from, to, path, d)) {
                    return false;
                }
            } else if (token == JsonToken.START_ARRAY && step instanceof Long index) {
                if (!enterArray(parser, index, data, from, to, path, d)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean enterObject(
            JsonParser parser, Object step, byte[] data, int from, int to, Object[] path, int depth)
            throws IOException {
        long index = step instanceof Long number ? number : 0;
        if (index < 0) {
            index = count(data, from, to, path, depth) + index + 1;
        }
        long position = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            position++;
            boolean match = step instanceof String key ? key.equals(parser.currentName()) : position == index;
            parser.nextToken();
            if (match) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static boolean enterArray(
            JsonParser parser, long index, byte[] data, int from, int to, Object[] path, int depth) throws IOException {
        if (index < 0) {
            index = count(data, from, to, path, depth) + index + 1;
        }
        long position = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            position++;
            if (position == index) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    /** The number of members of the container at path[..depth), by a second pass. */
    private static long count(byte[] data, int from, int to, Object[] path, int depth) {
        Object[] prefix = java.util.Arrays.copyOf(path, depth);
        Long length = find(data, from, to, prefix, JsonPaths::length);
        return length == null ? 0 : length;
    }

    /** The number of elements of an array or members of an object; 0 for scalars. */
    static long length(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.START_ARRAY && token != JsonToken.START_OBJECT) {
            return 0;
        }
        long count = 0;
        JsonToken end = token == JsonToken.START_ARRAY ? JsonToken.END_ARRAY : JsonToken.END_OBJECT;
        while (parser.nextToken() != end) {
            if (parser.currentToken() == JsonToken.FIELD_NAME) {
                parser.nextToken();
            }
            count++;
            parser.skipChildren();
        }
        return count;
    }

    /** The value re-serialized compactly, numbers as ClickHouse prints them, as JSONExtractRaw writes it. */
    static String raw(JsonParser parser) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            int depth = 0;
            do {
                JsonToken token = parser.currentToken();
                switch (token) {
                    case START_OBJECT -> {
                        generator.writeStartObject();
                        depth++;
                    }
                    case START_ARRAY -> {
                        generator.writeStartArray();
                        depth++;
                    }
                    case END_OBJECT -> {
                        generator.writeEndObject();
                        depth--;
                    }
                    case END_ARRAY -> {
                        generator.writeEndArray();
                        depth--;
                    }
                    case FIELD_NAME -> generator.writeFieldName(parser.currentName());
                    case VALUE_STRING -> generator.writeString(parser.getText());
                    case VALUE_NUMBER_INT -> generator.writeRawValue(parser.getText());
                    case VALUE_NUMBER_FLOAT ->
                        generator.writeRawValue(
                                io.columba.executor.format.TextValues.formatDouble(parser.getDoubleValue()));
                    case VALUE_TRUE, VALUE_FALSE -> generator.writeBoolean(token == JsonToken.VALUE_TRUE);
                    default -> generator.writeNull();
                }
            } while (depth > 0 && parser.nextToken() != null);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
