package io.columba.workspace.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request parameter a template reads, as listed by {@code /v0/pipes/<name>} and OpenAPI. {@code type} is the
 * declaring function ({@code Int32}, {@code DateTime}, {@code Array(Int16)}; {@code String} when the name is only
 * used bare or in {@code defined()}); {@code defaultValue}, {@code description}, {@code example}, {@code format}
 * and {@code enumValues} come from literal arguments of the declaration ({@code null}/empty when absent; integer
 * defaults beyond 2^53 are kept as strings so JSON clients do not round them). {@code usedInFunctionCall} is true
 * when the name only appears as an argument of a helper such as {@code defined(x)} or {@code column(x)}.
 */
public record TemplateParameter(
        String name,
        String type,
        Object defaultValue,
        boolean required,
        String description,
        Object example,
        String format,
        List<Object> enumValues,
        boolean usedInFunctionCall) {
    public TemplateParameter {
        enumValues = enumValues == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(enumValues));
    }

    /** A parameter known only by name: a String with nothing declared. */
    static TemplateParameter untyped(String name, boolean usedInFunctionCall) {
        return new TemplateParameter(name, "String", null, false, null, null, null, List.of(), usedInFunctionCall);
    }

    TemplateParameter withUsedInFunctionCall(boolean used) {
        return new TemplateParameter(
                name, type, defaultValue, required, description, example, format, enumValues, used);
    }
}
