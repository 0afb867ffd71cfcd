package io.columba.workspace.datafile;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the text of a datafile ({@code .datasource}, {@code .pipe}, {@code .connection}) into directives,
 * following Tinybird's lexical rules: a directive is an UPPERCASE keyword at column 0; {@code KEYWORD >} opens a
 * block that runs until the next line starting with a known keyword at column 0 (so SQL written at column 0 stays in
 * its block); {@code #} at column 0 is a comment; CRLF and tab indentation are accepted.
 */
public final class DatafileReader {
    private static final Set<String> KEYWORDS = Set.of(
            "NODE",
            "SQL",
            "DESCRIPTION",
            "TYPE",
            "DATASOURCE",
            "TARGET_DATASOURCE",
            "TOKEN",
            "TAGS",
            "VERSION",
            "INCLUDE",
            "SCHEMA",
            "INDEXES",
            "INDICES",
            "FORWARD_QUERY",
            "SHARED_WITH",
            "CACHE",
            "DEPLOYMENT_METHOD",
            "BACKFILL",
            "ENGINE");
    private static final List<String> KEYWORD_PREFIXES =
            List.of("ENGINE_", "KAFKA_", "IMPORT_", "COPY_", "EXPORT_", "S3_", "GCS_");
    private static final Pattern DIRECTIVE = Pattern.compile("([A-Z][A-Z0-9_]*)(?:[ \\t]+(.*))?");

    private DatafileReader() {}

    /** Whether {@code word} starts a directive when found at column 0. */
    public static boolean isKeyword(String word) {
        if (KEYWORDS.contains(word)) {
            return true;
        }
        for (String prefix : KEYWORD_PREFIXES) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The directives of {@code text}; {@code source} names the file in error messages. */
    public static List<Directive> read(String source, String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Directive> directives = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            int lineNumber = i + 1;
            i++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                throw error(
                        source,
                        lineNumber,
                        "expected a directive at column 0, found an indented line outside a block: '" + line.strip()
                                + "'");
            }
            Matcher matcher = DIRECTIVE.matcher(line.stripTrailing());
            if (!matcher.matches() || !isKeyword(matcher.group(1))) {
                throw error(
                        source,
                        lineNumber,
                        "expected a directive such as SCHEMA >, ENGINE or TOKEN, found '" + line.strip() + "'");
            }
            String keyword = matcher.group(1);
            String rest = matcher.group(2) == null ? "" : matcher.group(2).strip();
            if (!rest.equals(">")) {
                directives.add(new Directive(keyword, unquote(rest), List.of(), lineNumber, lineNumber));
                continue;
            }
            int start = i;
            while (i < lines.length && !startsDirective(lines[i])) {
                i++;
            }
            directives.add(block(keyword, lines, start, i, lineNumber));
        }
        return directives;
    }

    private static boolean startsDirective(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
            return false;
        }
        Matcher matcher = DIRECTIVE.matcher(line.stripTrailing());
        return matcher.matches() && isKeyword(matcher.group(1));
    }

    private static Directive block(String keyword, String[] lines, int start, int end, int directiveLine) {
        List<String> kept = new ArrayList<>();
        int first = start;
        int last = end - 1;
        while (first <= last && (lines[first].isBlank() || lines[first].startsWith("#"))) {
            first++;
        }
        while (last >= first && (lines[last].isBlank() || lines[last].startsWith("#"))) {
            last--;
        }
        int indent = Integer.MAX_VALUE;
        for (int j = first; j <= last; j++) {
            if (!lines[j].isBlank()) {
                indent = Math.min(indent, leadingWhitespace(lines[j]));
            }
        }
        for (int j = first; j <= last; j++) {
            String line = lines[j];
            if (line.startsWith("#")) {
                kept.add("");
            } else {
                kept.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
            }
        }
        return new Directive(keyword, null, kept, directiveLine, first + 1);
    }

    private static int leadingWhitespace(String line) {
        int count = 0;
        while (count < line.length() && (line.charAt(count) == ' ' || line.charAt(count) == '\t')) {
            count++;
        }
        return count;
    }

    /** {@code value} without one pair of matching single or double quotes around it. */
    public static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }

    static ColumbaException error(String source, int line, String message) {
        return new ColumbaException(ErrorCode.SYNTAX_ERROR, source + ", line " + line + ": " + message);
    }

    /** A datafile's text and the name it gives its resource (the file name without its extension). */
    public record NamedText(String name, String text, String source) {}

    /** Reads {@code file}, which must end in {@code extension}, as UTF-8. */
    public static NamedText readNamed(java.nio.file.Path file, String extension) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(extension)) {
            throw new io.columba.storage.error.ColumbaException(
                    io.columba.storage.error.ErrorCode.BAD_ARGUMENTS,
                    "expected a file ending in " + extension + ", found " + file);
        }
        try {
            String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            return new NamedText(fileName.substring(0, fileName.length() - extension.length()), text, file.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }
}
