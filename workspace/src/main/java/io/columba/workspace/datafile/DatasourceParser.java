package io.columba.workspace.datafile;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code .datasource} files (Tinybird Classic and Forward): DESCRIPTION, SCHEMA, ENGINE and its keys, TOKEN.
 * Connector, sharing and migration directives (KAFKA_*, IMPORT_*, FORWARD_QUERY, SHARED_WITH, INDEXES, TAGS...)
 * are accepted and not yet used. Errors name the file, the line and what was expected.
 */
public final class DatasourceParser {
    public static final String EXTENSION = ".datasource";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> TOKEN_SCOPES = List.of(ResourceToken.READ, ResourceToken.APPEND);
    private static final Set<String> ENGINE_ARGUMENTS =
            Set.of("ENGINE_VER", "ENGINE_IS_DELETED", "ENGINE_SIGN", "ENGINE_VERSION", "ENGINE_SUMMING_COLUMNS");
    private static final Set<String> ACCEPTED_UNUSED =
            Set.of("TAGS", "INDEXES", "INDICES", "FORWARD_QUERY", "BACKFILL", "SHARED_WITH", "VERSION");
    private static final Set<String> ENGINE_KEYS = Set.of(
            "ENGINE",
            "ENGINE_PARTITION_KEY",
            "ENGINE_SORTING_KEY",
            "ENGINE_PRIMARY_KEY",
            "ENGINE_TTL",
            "ENGINE_SETTINGS");

    private DatasourceParser() {}

    /** Parses {@code file}; the data source is named after the file without {@code .datasource}. */
    public static DatasourceDefinition parse(Path file) {
        DatafileReader.NamedText named = DatafileReader.readNamed(file, EXTENSION);
        return parse(named.name(), named.text(), named.source());
    }

    /** Parses the text of data source {@code name}; {@code source} names the file in error messages. */
    public static DatasourceDefinition parse(String name, String text, String source) {
        if (!NAME.matcher(name).matches()) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    source + ": expected a data source name of letters, digits and underscores, found '" + name + "'");
        }
        String description = null;
        List<SchemaColumn> columns = null;
        List<ResourceToken> tokens = new ArrayList<>();
        Map<String, String> engine = new HashMap<>();
        for (Directive directive : DatafileReader.read(source, text)) {
            String keyword = directive.keyword();
            switch (keyword) {
                case "DESCRIPTION" -> description = directive.text();
                case "SCHEMA" -> {
                    if (!directive.isBlock()) {
                        throw DatafileReader.error(
                                source, directive.line(), "expected 'SCHEMA >' followed by indented columns");
                    }
                    if (columns != null) {
                        throw DatafileReader.error(source, directive.line(), "SCHEMA is defined twice");
                    }
                    columns = new SchemaParser(source).parse(directive);
                }
                case "TOKEN" -> tokens.add(ResourceToken.parse(directive, source, TOKEN_SCOPES));
                default -> {
                    if (ENGINE_KEYS.contains(keyword) || ENGINE_ARGUMENTS.contains(keyword)) {
                        engine.put(keyword, oneLineValue(directive));
                    } else if (keyword.startsWith("ENGINE_")) {
                        throw DatafileReader.error(
                                source,
                                directive.line(),
                                "unknown engine directive " + keyword + ": expected ENGINE_PARTITION_KEY,"
                                        + " ENGINE_SORTING_KEY, ENGINE_PRIMARY_KEY, ENGINE_TTL, ENGINE_SETTINGS,"
                                        + " ENGINE_VER, ENGINE_IS_DELETED, ENGINE_SIGN, ENGINE_VERSION or"
                                        + " ENGINE_SUMMING_COLUMNS");
                    } else if (!ACCEPTED_UNUSED.contains(keyword)
                            && !keyword.startsWith("KAFKA_")
                            && !keyword.startsWith("IMPORT_")) {
                        throw DatafileReader.error(
                                source, directive.line(), keyword + " is not a .datasource directive");
                    }
                }
            }
        }
        if (columns == null) {
            throw DatafileReader.error(source, 1, "expected a 'SCHEMA >' block, found none");
        }
        return new DatasourceDefinition(name, description, columns, engine(engine, source), tokens);
    }

    private static String oneLineValue(Directive directive) {
        if (directive.isBlock()) {
            // Tinybird allows multi-line keys; they are one expression
            return String.join(" ", directive.blockLines()).strip();
        }
        return directive.value();
    }

    private static EngineDefinition engine(Map<String, String> directives, String source) {
        String name = directives.getOrDefault("ENGINE", EngineDefinition.DEFAULT_ENGINE);
        if (name.isBlank()) {
            throw DatafileReader.error(source, 1, "expected an engine name after ENGINE, found nothing");
        }
        Map<String, String> arguments = new HashMap<>();
        for (String argument : ENGINE_ARGUMENTS) {
            String value = directives.get(argument);
            if (value != null && !value.isBlank()) {
                arguments.put(argument, value);
            }
        }
        return new EngineDefinition(
                name,
                blankToNull(directives.get("ENGINE_PARTITION_KEY")),
                blankToNull(directives.get("ENGINE_SORTING_KEY")),
                blankToNull(directives.get("ENGINE_PRIMARY_KEY")),
                blankToNull(directives.get("ENGINE_TTL")),
                blankToNull(directives.get("ENGINE_SETTINGS")),
                arguments);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
