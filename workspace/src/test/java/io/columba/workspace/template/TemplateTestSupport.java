package io.columba.workspace.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shorthands for the template tests: parameters as {@code "name", "value"} pairs. */
final class TemplateTestSupport {
    private TemplateTestSupport() {}

    static Map<String, List<String>> parameters(String... namesAndValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return parameters;
    }

    /** Renders {@code text} as a template (no {@code %} needed) with these parameters. */
    static String render(String text, String... namesAndValues) {
        return Template.parseTemplateText(text)
                .render(parameters(namesAndValues))
                .sql();
    }

    /** Renders {@code text} as Tinybird's build-time check does. */
    static String renderForValidation(String text) {
        return Template.parseTemplateText(text).renderForValidation().sql();
    }
}
