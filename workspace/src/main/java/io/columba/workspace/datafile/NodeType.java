package io.columba.workspace.datafile;

import java.util.Locale;

/**
 * What a pipe node is, from the {@code TYPE} line that follows it: a plain node (no TYPE), an API endpoint, a
 * materialized view into a data source, a copy job, or a sink. Tinybird writes the values in any case.
 */
public enum NodeType {
    STANDARD,
    ENDPOINT,
    MATERIALIZED,
    COPY,
    SINK;

    /** The lower-case name Tinybird's API reports ({@code endpoint}, {@code materialized} ...). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code value} in any case, or null when it names none. */
    public static NodeType fromDatafile(String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        for (NodeType type : values()) {
            if (type != STANDARD && type.name().equals(upper)) {
                return type;
            }
        }
        return null;
    }
}
