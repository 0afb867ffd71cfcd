package io.columba.workspace.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The SQL a template rendered to. {@code hints} holds what the template asked of the query ({@code max_threads},
 * {@code cache_ttl}, {@code backend_hint}, {@code activate}, {@code disable}); {@code secretParameters} names the
 * secrets written as {@code {name: String}} query parameters, which the caller must bind.
 */
public record RenderedSql(String sql, Map<String, String> hints, Set<String> secretParameters) {
    public RenderedSql {
        hints = Collections.unmodifiableMap(new LinkedHashMap<>(hints));
        secretParameters = Collections.unmodifiableSet(new LinkedHashSet<>(secretParameters));
    }
}
