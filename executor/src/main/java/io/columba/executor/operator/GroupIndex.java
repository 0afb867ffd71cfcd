package io.columba.executor.operator;

import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.KeyEncoder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers the distinct key tuples in order of first appearance and keeps one copy of each key. A single
 * non-Nullable 64-bit key uses an open-addressing table of longs; other keys are serialized to bytes and numbered
 * by a {@link SerializedKeyTable}.
 */
final class GroupIndex {
    private final List<DataType> keyTypes;
    private final List<ColumnBuilder> keyBuilders = new ArrayList<>();
    private final boolean singleLong;
    /** A single non-Nullable String key: numbered by its bytes as they lie in the column, not encoded first. */
    private final boolean singleString;

    private int groupCount;

    private long[] table = new long[1024];
    private int[] tableGroups = new int[1024];
    private boolean[] used = new boolean[1024];

    private final SerializedKeyTable serialized = new SerializedKeyTable();
    private final KeyEncoder encoder = new KeyEncoder();

    /** Keys whose value is the same in every row of every block (GROUP BY 1): kept once, never hashed. */
    private final boolean[] constantKeys;

    GroupIndex(List<DataType> keyTypes) {
        this(keyTypes, new boolean[keyTypes.size()]);
    }

    GroupIndex(List<DataType> keyTypes, boolean[] constantKeys) {
        this.keyTypes = List.copyOf(keyTypes);
        this.constantKeys = constantKeys.clone();
        for (DataType type : keyTypes) {
            keyBuilders.add(ColumnBuilder.forType(type, 64));
        }
        singleLong = keyTypes.size() == 1
                && !keyTypes.get(0).isNullable()
                && keyTypes.get(0).physicalType() == io.columba.storage.type.PhysicalType.LONG;
        singleString = keyTypes.size() == 1
                && !constantKeys[0]
                && !keyTypes.get(0).isNullable()
                && keyTypes.get(0) instanceof io.columba.storage.type.StringType;
    }

    int groupCount() {
        return groupCount;
    }

    /** About the bytes this index holds: its hash tables and the keys of its groups (8 bytes per fixed key). */
    long memoryBytes() {
        return 13L * table.length + serialized.memoryBytes() + 8L * keyTypes.size() * groupCount;
    }

    /** Group numbers of each row of the key columns. */
    int[] assign(Column[] keys, int rows) {
        int[] groups = new int[rows];
        if (keys.length == 0) {
            if (groupCount == 0 && rows > 0) {
                groupCount = 1;
            }
            return groups;
        }
        if (singleLong && !(keys[0] instanceof ConstantColumn)) {
            long[] values = ((LongColumn) keys[0]).values();
            for (int i = 0; i < rows; i++) {
                groups[i] = findLong(values[i], keys[0], i);
            }
            return groups;
        }
        if (singleString) {
            StringColumn strings = (StringColumn) keys[0].materialize();
            byte[] data = strings.data();
            int[] offsets = strings.offsets();
            Column[] key = {strings};
            for (int i = 0; i < rows; i++) {
                int group = serialized.findOrAdd(data, offsets[i], offsets[i + 1] - offsets[i]);
                if (group == groupCount) {
                    newGroup(key, i);
                }
                groups[i] = group;
            }
            return groups;
        }
        Column[] plain = new Column[keys.length];
        for (int k = 0; k < keys.length; k++) {
            plain[k] = constantKeys[k] ? keys[k] : keys[k].materialize();
        }
        for (int i = 0; i < rows; i++) {
            encoder.clear();
            for (int k = 0; k < plain.length; k++) {
                if (!constantKeys[k]) {
                    encoder.add(plain[k], i);
                }
            }
            int group = serialized.findOrAdd(encoder.bytes(), encoder.length());
            if (group == groupCount) {
                newGroup(plain, i);
            }
            groups[i] = group;
        }
        return groups;
    }

    private int findLong(long value, Column column, int row) {
        int mask = table.length - 1;
        int slot = (int) (mix(value) & mask);
        while (used[slot]) {
            if (table[slot] == value) {
                return tableGroups[slot];
            }
            slot = (slot + 1) & mask;
        }
        int group = newGroup(new Column[] {column}, row);
        used[slot] = true;
        table[slot] = value;
        tableGroups[slot] = group;
        if (groupCount * 2 > table.length) {
            rehash();
        }
        return group;
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private void rehash() {
        long[] oldTable = table;
        int[] oldGroups = tableGroups;
        boolean[] oldUsed = used;
        table = new long[oldTable.length * 2];
        tableGroups = new int[oldTable.length * 2];
        used = new boolean[oldTable.length * 2];
        int mask = table.length - 1;
        for (int i = 0; i < oldTable.length; i++) {
            if (!oldUsed[i]) {
                continue;
            }
            int slot = (int) (mix(oldTable[i]) & mask);
            while (used[slot]) {
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            table[slot] = oldTable[i];
            tableGroups[slot] = oldGroups[i];
        }
    }

    private int newGroup(Column[] keys, int row) {
        for (int k = 0; k < keys.length; k++) {
            keyBuilders.get(k).appendFrom(keys[k], row);
        }
        return groupCount++;
    }

    List<Column> keys() {
        List<Column> columns = new ArrayList<>();
        for (ColumnBuilder builder : keyBuilders) {
            columns.add(builder.build());
        }
        return columns;
    }

    List<DataType> keyTypes() {
        return keyTypes;
    }
}
