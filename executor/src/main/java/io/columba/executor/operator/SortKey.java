package io.columba.executor.operator;

import com.ibm.icu.text.Collator;
import io.columba.storage.type.DataType;

/**
 * One ORDER BY key: a column of the input, its type and direction. NULLs (and NaN) go last unless asked. Strings
 * compare by their bytes, or with {@code collator} (ORDER BY ... COLLATE 'locale', ICU as in ClickHouse) when set.
 */
public record SortKey(int column, DataType type, boolean descending, boolean nullsFirst, Collator collator) {

    public SortKey(int column, DataType type, boolean descending, boolean nullsFirst) {
        this(column, type, descending, nullsFirst, null);
    }
}
