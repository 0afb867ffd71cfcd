package io.columba.executor.operator;

import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the distinct key tuples in order of first appearance and keeps one copy of each key. A single
 * non-Nullable 64-bit key uses an open-addressing table of longs; other keys are serialized to bytes.
 */
final class GroupIndex {
    private final List<DataType> keyTypes;
    private final List<ColumnBuilder> keyBuilders = new ArrayList<>();
    private final boolean singleLong;
    private int groupCount;

    private long[] table = new long[1024];
    private int[] tableGroups = new int[1024];
    private boolean[] used = new boolean[1024];

    private final Map<ByteBuffer, Integer> serialized = new HashMap<>();

    GroupIndex(List<DataType> keyTypes) {
        this.keyTypes = List.copyOf(keyTypes);
        for (DataType type : keyTypes) {
            keyBuilders.add(ColumnBuilder.forType(type, 64));
        }
        singleLong = keyTypes.size() == 1
                && !keyTypes.get(0).isNullable()
                && keyTypes.get(0).physicalType() == io.columba.storage.type.PhysicalType.LONG;
    }

    int groupCount() {
        return groupCount;
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
        Column[] plain = new Column[keys.length];
        for (int k = 0; k < keys.length; k++) {
            plain[k] = keys[k].materialize();
        }
        ByteBuffer scratch = ByteBuffer.allocate(256);
        for (int i = 0; i < rows; i++) {
            scratch = serialize(plain, i, scratch);
            byte[] key = Arrays.copyOf(scratch.array(), scratch.position());
            Integer group = serialized.get(ByteBuffer.wrap(key));
            if (group == null) {
                group = newGroup(plain, i);
                serialized.put(ByteBuffer.wrap(key), group);
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

    private static ByteBuffer serialize(Column[] keys, int row, ByteBuffer buffer) {
        buffer.clear();
        for (Column key : keys) {
            buffer = serializeValue(key, row, buffer);
        }
        return buffer;
    }

    /** One value as bytes that are equal exactly when the values are: a null flag, then the value. */
    private static ByteBuffer serializeValue(Column key, int row, ByteBuffer buffer) {
        buffer = ensure(buffer, 9);
        if (key.isNull(row)) {
            buffer.put((byte) 1);
            return buffer;
        }
        buffer.put((byte) 0);
        switch (key) {
            case LongColumn longs -> buffer.putLong(longs.get(row));
            case DoubleColumn doubles -> buffer.putLong(Double.doubleToLongBits(doubles.get(row) + 0.0));
            case StringColumn strings -> {
                int length = strings.length(row);
                buffer = ensure(buffer, 4 + length);
                buffer.putInt(length).put(strings.data(), strings.offsets()[row], length);
            }
            case io.columba.storage.column.ArrayColumn arrays -> {
                buffer.putInt(arrays.length(row));
                for (int i = arrays.offsets()[row]; i < arrays.offsets()[row + 1]; i++) {
                    buffer = serializeValue(arrays.elements(), i, buffer);
                }
            }
            case io.columba.storage.column.TupleColumn tuples -> {
                for (Column element : tuples.elements()) {
                    buffer = serializeValue(element, row, buffer);
                }
            }
            case ConstantColumn constant -> buffer = serializeValue(constant.value(), 0, buffer);
        }
        return buffer;
    }

    private static ByteBuffer ensure(ByteBuffer buffer, int extra) {
        if (buffer.remaining() >= extra) {
            return buffer;
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + extra));
        buffer.flip();
        bigger.put(buffer);
        return bigger;
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
