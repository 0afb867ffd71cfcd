package io.columba.workspace.datafile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code NODE} of a pipe: its name, optional description (null when absent), SQL (a template when it starts
 * with {@code %}), the 1-based line its SQL starts on, its {@link NodeType}, and the settings that came with the
 * TYPE line ({@code DATASOURCE}, {@code TARGET_DATASOURCE}, {@code COPY_SCHEDULE}, {@code CACHE} ...), keyed by
 * directive.
 */
public record PipeNode(
        String name, String description, String sql, int sqlLine, NodeType type, Map<String, String> settings) {
    public PipeNode {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The value of setting {@code directive}, or null. */
    public String setting(String directive) {
        return settings.get(directive);
    }
}
