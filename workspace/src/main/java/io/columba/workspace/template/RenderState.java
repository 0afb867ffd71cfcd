package io.columba.workspace.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable state of one render: request parameters, the values of template variables, the hints and secrets
 * the template used, and the counters that bound loops and output.
 */
final class RenderState {
    /** Loop iterations one render may run; {@code {% while True %}} must end somewhere. */
    static final long MAX_ITERATIONS = 1_000_000;

    private final Map<String, Object> parameters;
    private final Set<String> localNames;
    private final List<TemplateParameter> declaredParameters;
    private final boolean validation;
    private final Set<String> secrets;
    private final Map<String, Object> locals = new HashMap<>();
    private final Map<String, String> hints = new LinkedHashMap<>();
    private final Set<String> usedSecrets = new LinkedHashSet<>();
    private long iterations;

    RenderState(
            Map<String, Object> parameters,
            Set<String> localNames,
            List<TemplateParameter> declaredParameters,
            boolean validation,
            Set<String> secrets) {
        this.parameters = parameters;
        this.localNames = localNames;
        this.declaredParameters = declaredParameters;
        this.validation = validation;
        this.secrets = secrets;
    }

    boolean validation() {
        return validation;
    }

    boolean isLocal(String name) {
        return localNames.contains(name);
    }

    /** The value of a name: a template variable, a request parameter, or None (a placeholder when validating). */
    Object lookup(String name, int line) {
        if (localNames.contains(name)) {
            if (!locals.containsKey(name)) {
                throw TemplateException.template(
                        "cannot access local variable '" + name + "' where it is not associated with a value", line);
            }
            return locals.get(name);
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        return validation ? new Placeholder() : null;
    }

    void assign(String name, Object value) {
        locals.put(name, value);
    }

    void countIteration(int line) {
        if (++iterations > MAX_ITERATIONS) {
            throw TemplateException.limit("too many loop iterations (more than " + MAX_ITERATIONS + ")", line);
        }
    }

    void putHint(String name, String value) {
        if (value == null) {
            hints.remove(name);
        } else {
            hints.put(name, value);
        }
    }

    Map<String, String> hints() {
        return hints;
    }

    boolean hasSecret(String name) {
        return secrets.contains(name);
    }

    void useSecret(String name) {
        usedSecrets.add(name);
    }

    Set<String> usedSecrets() {
        return usedSecrets;
    }

    /**
     * Tinybird's missing-parameter error, naming the parameters that have no default and were not given:
     * {@code Required parameter is not defined. Check the parameters a and b. Please provide a value or set a
     * default value in the pipe code.}
     */
    TemplateException requiredParameterError(int line) {
        List<String> names = new ArrayList<>();
        for (TemplateParameter parameter : declaredParameters) {
            if (parameter.defaultValue() == null
                    && !parameter.usedInFunctionCall()
                    && !parameter.name().equals(Template.JOB_TIMESTAMP)
                    && !parameters.containsKey(parameter.name())
                    && !names.contains(parameter.name())) {
                names.add(parameter.name());
            }
        }
        if (names.isEmpty()) {
            return TemplateException.parameter("Required parameter is not defined", line);
        }
        String listed = names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        return TemplateException.parameter(
                "Required parameter is not defined. Check the parameters " + listed
                        + ". Please provide a value or set a default value in the pipe code.",
                line);
    }
}
