package io.columba.executor.function.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The distinct keys of each group, in order of first appearance ({@code -Distinct}, {@code groupUniqArray}). */
final class GroupKeySets {
    private final List<LinkedHashSet<Object>> sets = new ArrayList<>();

    /** Group {@code group}'s keys, created empty when the group is new. */
    LinkedHashSet<Object> of(int group) {
        while (sets.size() <= group) {
            sets.add(new LinkedHashSet<>());
        }
        return sets.get(group);
    }

    /** Groups that have a set, from 0. */
    int groups() {
        return sets.size();
    }

    /** Adds the keys of {@code other}'s group g to group {@code mapping[g]} here. */
    void addAll(GroupKeySets other, int[] mapping) {
        for (int g = 0; g < mapping.length && g < other.sets.size(); g++) {
            of(mapping[g]).addAll(other.sets.get(g));
        }
    }
}
