package io.columba.workspace.datafile;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code .pipe} files (Tinybird Classic and Forward): a pipe {@code DESCRIPTION}, {@code TOKEN <name> READ}
 * and {@code TAGS} lines, then {@code NODE <name>} sections with an optional {@code DESCRIPTION} and a
 * {@code SQL >} block. A {@code TYPE endpoint|materialized|copy|sink} line (any case) marks the node it follows;
 * the settings after it ({@code DATASOURCE}, {@code TARGET_DATASOURCE}, {@code COPY_*}, {@code EXPORT_*},
 * {@code CACHE}, {@code DEPLOYMENT_METHOD}, Classic {@code ENGINE*}) belong to that node. Errors name the file,
 * the line and what was expected.
 */
public final class PipeParser {
    public static final String EXTENSION = ".pipe";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> TOKEN_SCOPES = List.of(ResourceToken.READ);
    private static final Set<String> NODE_SETTINGS =
            Set.of("DATASOURCE", "TARGET_DATASOURCE", "CACHE", "DEPLOYMENT_METHOD", "BACKFILL");
    private static final List<String> NODE_SETTING_PREFIXES = List.of("COPY_", "EXPORT_", "ENGINE", "KAFKA_", "S3_");

    private final String source;
    private String description;
    private final List<ResourceToken> tokens = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<PipeNode> nodes = new ArrayList<>();
    private NodeUnderConstruction current;

    /** A node while its directives are read; becomes a {@link PipeNode} at the next NODE or the end of file. */
    private static final class NodeUnderConstruction {
        final String name;
        final int line;
        String description;
        String sql;
        int sqlLine;
        NodeType type = NodeType.STANDARD;
        final Map<String, String> settings = new LinkedHashMap<>();

        NodeUnderConstruction(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    private PipeParser(String source) {
        this.source = source;
    }

    /** Parses {@code file}; the pipe is named after the file without {@code .pipe}. */
    public static PipeDefinition parse(Path file) {
        DatafileReader.NamedText named = DatafileReader.readNamed(file, EXTENSION);
        return parse(named.name(), named.text(), named.source());
    }

    /** Parses the text of pipe {@code name}; {@code source} names the file in error messages. */
    public static PipeDefinition parse(String name, String text, String source) {
        if (!NAME.matcher(name).matches()) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    source + ": expected a pipe name of letters, digits and underscores, found '" + name + "'");
        }
        PipeParser parser = new PipeParser(source);
        for (Directive directive : DatafileReader.read(source, text)) {
            parser.accept(directive);
        }
        return parser.finish(name);
    }

    private void accept(Directive directive) {
        String keyword = directive.keyword();
        switch (keyword) {
            case "NODE" -> startNode(directive);
            case "DESCRIPTION" -> {
                if (current == null) {
                    description = directive.text();
                } else {
                    current.description = directive.text();
                }
            }
            case "SQL" -> sql(directive);
            case "TYPE" -> type(directive);
            case "TOKEN" -> tokens.add(ResourceToken.parse(directive, source, TOKEN_SCOPES));
            case "TAGS" -> tags.addAll(tags(directive));
            case "VERSION" -> {
                // Classic versioned pipes: the version is part of the name there; Columba serves the one version
            }
            case "INCLUDE" ->
                throw DatafileReader.error(
                        source, directive.line(), "INCLUDE files are not supported yet; inline the included nodes");
            default -> setting(directive);
        }
    }

    private void startNode(Directive directive) {
        String name = directive.isBlock() ? "" : directive.value().strip();
        if (!NAME.matcher(name).matches()) {
            throw DatafileReader.error(
                    source,
                    directive.line(),
                    "expected 'NODE <name>' with a name of letters, digits and underscores, found 'NODE " + name + "'");
        }
        finishNode();
        for (PipeNode node : nodes) {
            if (node.name().equals(name)) {
                throw DatafileReader.error(source, directive.line(), "node " + name + " is defined twice");
            }
        }
        current = new NodeUnderConstruction(name, directive.line());
    }

    private void sql(Directive directive) {
        NodeUnderConstruction node = requireNode(directive);
        if (node.sql != null) {
            throw DatafileReader.error(source, directive.line(), "node " + node.name + " has two SQL blocks");
        }
        String sql = directive.text().strip();
        if (sql.isEmpty()) {
            throw DatafileReader.error(
                    source,
                    directive.line(),
                    "expected the SQL of node " + node.name + " after 'SQL >', found nothing");
        }
        node.sql = directive.text();
        node.sqlLine = directive.isBlock() ? directive.blockFirstLine() : directive.line();
    }

    private void type(Directive directive) {
        NodeUnderConstruction node = requireNode(directive);
        NodeType type = directive.isBlock() ? null : NodeType.fromDatafile(directive.value());
        if (type == null) {
            throw DatafileReader.error(
                    source,
                    directive.line(),
                    "expected 'TYPE endpoint', 'TYPE materialized', 'TYPE copy' or 'TYPE sink', found 'TYPE "
                            + (directive.isBlock() ? ">" : directive.value()) + "'");
        }
        for (PipeNode previous : nodes) {
            if (previous.type() != NodeType.STANDARD) {
                throw DatafileReader.error(
                        source,
                        directive.line(),
                        "a pipe has one typed node: node " + previous.name() + " is already "
                                + previous.type().apiName());
            }
        }
        node.type = type;
    }

    private void setting(Directive directive) {
        String keyword = directive.keyword();
        boolean known = NODE_SETTINGS.contains(keyword);
        for (String prefix : NODE_SETTING_PREFIXES) {
            known |= keyword.startsWith(prefix);
        }
        if (!known) {
            throw DatafileReader.error(source, directive.line(), keyword + " is not a .pipe directive");
        }
        NodeUnderConstruction node = requireNode(directive);
        String value =
                directive.isBlock() ? String.join("\n", directive.blockLines()).strip() : directive.value();
        node.settings.put(keyword, value);
    }

    private NodeUnderConstruction requireNode(Directive directive) {
        if (current == null) {
            throw DatafileReader.error(
                    source,
                    directive.line(),
                    "expected 'NODE <name>' before " + directive.keyword() + ", found " + directive.keyword()
                            + " outside a node");
        }
        return current;
    }

    private static List<String> tags(Directive directive) {
        List<String> found = new ArrayList<>();
        for (String tag : directive.text().split(",")) {
            String stripped = DatafileReader.unquote(tag.strip()).strip();
            if (!stripped.isEmpty()) {
                found.add(stripped);
            }
        }
        return found;
    }

    private void finishNode() {
        if (current == null) {
            return;
        }
        if (current.sql == null) {
            throw DatafileReader.error(
                    source, current.line, "expected 'SQL >' in node " + current.name + ", found none");
        }
        nodes.add(new PipeNode(
                current.name, current.description, current.sql, current.sqlLine, current.type, current.settings));
        current = null;
    }

    private PipeDefinition finish(String name) {
        finishNode();
        if (nodes.isEmpty()) {
            throw DatafileReader.error(
                    source, 1, "expected at least one 'NODE <name>' with a 'SQL >' block, found none");
        }
        return new PipeDefinition(name, description, nodes, tokens, tags);
    }
}
