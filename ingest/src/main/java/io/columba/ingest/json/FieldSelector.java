package io.columba.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast road of the common Events API body: NDJSON of one object per line into columns whose JSONPaths are
 * all a single field ({@code $.name}). Each row's fields are read by one streaming parser and only the values of
 * the columns become nodes (no tree of the whole row); values are read exactly as {@link JsonRows} reads them, so
 * {@link RowConverter} gives the same result by either road. Anything else (deeper paths, a line that is not one
 * object, a JSON error) answers null, for the general road to handle, errors included.
 */
final class FieldSelector {
    private FieldSelector() {}

    /** Per row, the value of each column (null when the field is missing); null when this road does not apply. */
    static List<JsonNode[]> select(byte[] body, List<IngestColumn> columns) {
        Map<String, Integer> positions = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            List<String> steps = columns.get(c).path().steps();
            if (steps.size() != 1
                    || steps.get(0).equals(JsonPath.EACH)
                    || positions.putIfAbsent(steps.get(0), c) != null) {
                return null;
            }
        }
        try (JsonParser parser = JsonValues.MAPPER.createParser(body)) {
            return rows(parser, positions, columns.size());
        } catch (IOException e) {
            return null;
        }
    }

    private static List<JsonNode[]> rows(JsonParser parser, Map<String, Integer> positions, int columns)
            throws IOException {
        List<JsonNode[]> rows = new ArrayList<>();
        int lastLine = 0;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            int line = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT || line <= lastLine) {
                return null;
            }
            JsonNode[] values = new JsonNode[columns];
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Integer column = positions.get(parser.currentName());
                JsonToken value = parser.nextToken();
                if (column == null) {
                    parser.skipChildren();
                } else {
                    values[column] = value(parser, value);
                }
            }
            lastLine = parser.currentLocation().getLineNr();
            if (lastLine != line) {
                return null;
            }
            rows.add(values);
        }
        return rows;
    }

    /**
     * The node {@link JsonValues#VALUE_READER} would read, made straight from the token for strings, integers,
     * booleans and null (a tree reader costs more than the value); floats and containers go through the reader.
     */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_NULL -> NullNode.instance;
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> IntNode.valueOf(parser.getIntValue());
                    case LONG -> LongNode.valueOf(parser.getLongValue());
                    default -> JsonValues.VALUE_READER.readTree(parser);
                };
            default -> JsonValues.VALUE_READER.readTree(parser);
        };
    }
}
