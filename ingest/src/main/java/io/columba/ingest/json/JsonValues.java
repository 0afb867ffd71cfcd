package io.columba.ingest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.StringType;

/**
 * The JSON reader of ingestion (nesting limited to 64 levels, floats kept exact) and the text a JSON value
 * becomes for a column: strings unquoted, numbers as written, booleans as {@code true}/{@code false} for Bool and
 * String columns and {@code 1}/{@code 0} otherwise, objects and arrays as their JSON text.
 */
public final class JsonValues {
    /** Deeper documents are refused: they are an attack more often than data. */
    public static final int MAX_NESTING_DEPTH = 64;

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads one value from a parser that goes on past it (rows of a body, fields of a row). */
    static final ObjectReader VALUE_READER =
            MAPPER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonValues() {}

    /** The text of {@code value} for a column of {@code type}; null for JSON null. */
    public static String text(JsonNode value, DataType type) {
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            DataType target = type.withoutLowCardinality().withoutNullable();
            boolean asWord = target instanceof BoolType || target instanceof StringType;
            return asWord ? Boolean.toString(value.booleanValue()) : value.booleanValue() ? "1" : "0";
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isNumber()) {
            return value.numberValue().toString();
        }
        return value.toString();
    }
}
