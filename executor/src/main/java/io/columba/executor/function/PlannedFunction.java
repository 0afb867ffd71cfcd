package io.columba.executor.function;

import java.util.List;

/**
 * A function the planner evaluates itself rather than through a kernel (window functions, arrayJoin, count's
 * DISTINCT form): registered for its documentation, so system.functions lists it and its example is checked.
 */
public record PlannedFunction(
        String name,
        List<String> aliases,
        boolean aggregate,
        boolean caseInsensitive,
        String description,
        String example) {

    static PlannedFunction window(String name, String description, String example) {
        return new PlannedFunction(name, List.of(), true, false, description, example);
    }

    /** A ranking window function, whose name (as its aliases') is found in any case. */
    static PlannedFunction ranking(String name, String description, String example) {
        return new PlannedFunction(name, List.of(), true, true, description, example);
    }

    PlannedFunction withAliases(String... names) {
        return new PlannedFunction(name, List.of(names), aggregate, caseInsensitive, description, example);
    }
}
