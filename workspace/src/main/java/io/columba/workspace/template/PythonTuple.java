package io.columba.workspace.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A Python tuple; items may be {@code null} (None), so they are not held in a {@code List.of}. */
record PythonTuple(List<Object> items) {
    PythonTuple {
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    static PythonTuple of(Object... items) {
        List<Object> list = new ArrayList<>(items.length);
        Collections.addAll(list, items);
        return new PythonTuple(list);
    }
}
