package io.columba.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an Events API body: NDJSON (one JSON value per line, blank lines skipped) or one JSON document that
 * may span lines. Each parsed value is a row; a line that is not JSON is kept as an error for the quarantine. A
 * body with no JSON at all, or not UTF-8, is refused with {@link ErrorCode#CANNOT_PARSE_INPUT_ASSERTION_FAILED}.
 */
public record JsonRows(List<JsonNode> rows, List<String> errors) {
    public JsonRows {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    public static JsonRows parse(byte[] body) {
        requireUtf8(body);
        List<JsonNode> rows = oneValuePerLine(body);
        return rows != null ? new JsonRows(rows, List.of()) : lineByLine(body);
    }

    /**
     * The rows when every line holds at most one whole JSON value, read by a single parser (the common case, and
     * the fast one: no parser per line); null otherwise, for {@link #lineByLine} to decide.
     */
    private static List<JsonNode> oneValuePerLine(byte[] body) {
        List<JsonNode> rows = new ArrayList<>();
        try (JsonParser parser = JsonValues.MAPPER.createParser(body)) {
            int lastLine = 0;
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (line <= lastLine) {
                    return null;
                }
                rows.add(JsonValues.VALUE_READER.readTree(parser));
                lastLine = parser.currentLocation().getLineNr();
                if (lastLine != line) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return rows;
    }

    private static JsonRows lineByLine(byte[] body) {
        List<JsonNode> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        boolean firstLineFailed = false;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            lineNumber++;
            int lineStart = start;
            start = end + 1;
            if (blank(body, lineStart, end)) {
                continue;
            }
            try {
                rows.add(JsonValues.MAPPER.readTree(body, lineStart, end - lineStart));
            } catch (IOException e) {
                firstLineFailed |= rows.isEmpty() && errors.isEmpty();
                errors.add("line " + lineNumber + " is not valid JSON: " + originalMessage(e));
            }
        }
        if (firstLineFailed) {
            return wholeDocument(new String(body, StandardCharsets.UTF_8), rows, errors);
        }
        return new JsonRows(rows, errors);
    }

    /**
     * When the first line is not JSON: one JSON document written over several lines, else the lines as read, else
     * (no line is JSON) the body is refused.
     */
    private static JsonRows wholeDocument(String text, List<JsonNode> rows, List<String> errors) {
        try {
            JsonNode document = JsonValues.MAPPER.readTree(text);
            return new JsonRows(List.of(document), List.of());
        } catch (JsonProcessingException e) {
            if (!rows.isEmpty()) {
                return new JsonRows(rows, errors);
            }
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_INPUT_ASSERTION_FAILED,
                    "The body is not NDJSON nor a JSON object: " + errors.get(0));
        }
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static boolean blank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(body[i])) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a body that is not UTF-8 with {@link ErrorCode#CANNOT_PARSE_INPUT_ASSERTION_FAILED}. */
    static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_INPUT_ASSERTION_FAILED, "The body is not valid UTF-8: " + e.getMessage());
        }
    }
}
