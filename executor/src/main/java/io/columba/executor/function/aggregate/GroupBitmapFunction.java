package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.longlong.LongIterator;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * groupBitmap(x): the number of distinct values of an integer argument, kept per group in a RoaringBitmap as
 * ClickHouse keeps it (values as unsigned numbers of the argument's width). Its state (groupBitmapState, merged by
 * groupBitmapMerge) has ClickHouse's RoaringBitmapWithSmallSet layout: UInt8 1, VarUInt count and the values (in
 * ascending order) for up to 32 values; else UInt8 0, VarUInt byte size and the portable Roaring serialization
 * (32-bit for arguments up to 32 bits, the 64-bit portable format for wider ones).
 */
public final class GroupBitmapFunction implements AggregateFunction {
    private static final int SMALL_SET = 32;

    @Override
    public String name() {
        return "groupBitmap";
    }

    @Override
    public String description() {
        return "Number of distinct values of an integer argument, kept in a bitmap; groupBitmapState gives the bitmap "
                + "as an AggregateFunction(groupBitmap, T) state.";
    }

    @Override
    public String example() {
        return "SELECT groupBitmap(number % 7) FROM numbers(100)";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount("groupBitmap", types, 1, 1);
        if (!(types.get(0) instanceof IntegerType integer) || integer.bytes() > 8) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + types.get(0).name() + " of argument for aggregate function groupBitmap");
        }
        int bytes = integer.bytes();
        return new BoundAggregate(IntegerType.UINT64, () -> new States(bytes));
    }

    private static final class States implements AggregateStates {
        private final int bytes;
        private final long mask;
        private final List<Roaring64NavigableMap> groups = new ArrayList<>();

        States(int bytes) {
            this.bytes = bytes;
            this.mask = bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
        }

        private Roaring64NavigableMap group(int g) {
            while (groups.size() <= g) {
                groups.add(new Roaring64NavigableMap(false));
            }
            return groups.get(g);
        }

        @Override
        public void add(int[] groupOf, Column[] arguments, int rows, int groupCount) {
            long[] values = ((LongColumn) arguments[0].materialize()).values();
            for (int i = 0; i < rows; i++) {
                group(groupOf[i]).addLong(values[i] & mask);
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            List<Roaring64NavigableMap> theirs = ((States) other).groups;
            for (int g = 0; g < theirs.size(); g++) {
                group(mapping[g]).or(theirs.get(g));
            }
        }

        @Override
        public Column result(int groupCount) {
            long[] out = new long[groupCount];
            for (int g = 0; g < groupCount; g++) {
                out[g] = group(g).getLongCardinality();
            }
            return new LongColumn(out, null, groupCount);
        }

        @Override
        public void serialize(int g, GrowableByteArray out) {
            Roaring64NavigableMap bitmap = group(g);
            long cardinality = bitmap.getLongCardinality();
            if (cardinality <= SMALL_SET) {
                out.writeByte(1);
                out.writeVarUInt(cardinality);
                for (LongIterator values = bitmap.getLongIterator(); values.hasNext(); ) {
                    writeValue(out, values.next());
                }
                return;
            }
            out.writeByte(0);
            byte[] portable = bytes <= 4 ? portable32(bitmap) : portable64(bitmap);
            out.writeVarUInt(portable.length);
            out.write(portable, 0, portable.length);
        }

        private void writeValue(GrowableByteArray out, long value) {
            switch (bytes) {
                case 1 -> out.writeByte((int) value);
                case 2 -> out.writeShort((int) value);
                case 4 -> out.writeInt((int) value);
                default -> out.writeLong(value);
            }
        }

        private static byte[] portable32(Roaring64NavigableMap bitmap) {
            RoaringBitmap narrow = new RoaringBitmap();
            for (LongIterator values = bitmap.getLongIterator(); values.hasNext(); ) {
                narrow.add((int) values.next());
            }
            narrow.runOptimize();
            ByteBuffer buffer =
                    ByteBuffer.allocate(narrow.serializedSizeInBytes()).order(ByteOrder.LITTLE_ENDIAN);
            narrow.serialize(buffer);
            return buffer.array();
        }

        private static byte[] portable64(Roaring64NavigableMap bitmap) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                bitmap.serializePortable(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        @Override
        public void deserialize(StateReader in) {
            Roaring64NavigableMap target = group(0);
            int kind = in.readByte();
            long count = in.readVarUInt();
            if (kind == 1) {
                for (long i = 0; i < count; i++) {
                    target.addLong(readValue(in) & mask);
                }
                return;
            }
            byte[] portable = in.readBytes((int) count);
            try {
                if (bytes <= 4) {
                    RoaringBitmap narrow = new RoaringBitmap();
                    narrow.deserialize(ByteBuffer.wrap(portable).order(ByteOrder.LITTLE_ENDIAN));
                    narrow.forEach((int value) -> target.addLong(Integer.toUnsignedLong(value)));
                } else {
                    Roaring64NavigableMap wide = new Roaring64NavigableMap(false);
                    wide.deserializePortable(new DataInputStream(new ByteArrayInputStream(portable)));
                    target.or(wide);
                }
            } catch (IOException | RuntimeException e) {
                throw new ColumbaException(
                        ErrorCode.CANNOT_READ_ALL_DATA, "Corrupted groupBitmap state: " + e.getMessage());
            }
        }

        private long readValue(StateReader in) {
            return switch (bytes) {
                case 1 -> in.readByte();
                case 2 -> in.readByte() | (in.readByte() << 8);
                case 4 -> in.readLong32();
                default -> in.readLong();
            };
        }
    }
}
