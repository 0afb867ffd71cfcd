package io.columba.workspace.template;

import java.util.List;

/** The left side of {@code {% set %}} and the variables of {@code {% for %}}: a name or a (nested) tuple of them. */
sealed interface AssignmentTarget {
    record Variable(String name) implements AssignmentTarget {}

    record Unpacking(List<AssignmentTarget> targets) implements AssignmentTarget {}
}
