package io.columba.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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

    /**
     * Whether {@code bytes} are well-formed UTF-8 as the JDK's strict decoder takes it: no overlong forms, no
     * surrogates, nothing above U+10FFFF.
     */
    static boolean validUtf8(byte[] bytes) {
        int i = 0;
        int length = bytes.length;
        while (i < length) {
            if (i + Long.BYTES <= length && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
                i += Long.BYTES; // eight ASCII bytes
                continue;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int lead = b & 0xFF;
            int extra;
            int min;
            if (lead >= 0xC2 && lead <= 0xDF) {
                extra = 1;
                min = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                extra = 2;
                min = 0x800;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                extra = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + extra >= length) {
                return false;
            }
            int code = lead & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return false;
                }
                code = (code << 6) | (next & 0x3F);
            }
            if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }

    /** Refuses a body that is not UTF-8 with {@link ErrorCode#CANNOT_PARSE_INPUT_ASSERTION_FAILED}. */
    static void requireUtf8(byte[] body) {
        if (validUtf8(body)) {
            return; // the common case, checked without decoding the body
        }
        try {
            decodeStrictly(body);
        } catch (CharacterCodingException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_INPUT_ASSERTION_FAILED, "The body is not valid UTF-8: " + e.getMessage());
        }
    }

    /** Decodes {@code body} with the JDK's UTF-8 decoder, refusing malformed input, to say what is wrong in it. */
    static void decodeStrictly(byte[] body) throws CharacterCodingException {
        StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body));
    }
}
