package io.columba.storage.codec;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;

/** The general-purpose compressions a block can use; the byte is ClickHouse's method byte. */
public enum CompressionMethod {
    NONE((byte) 0x02),
    LZ4((byte) 0x82),
    ZSTD((byte) 0x90);

    private final byte methodByte;

    CompressionMethod(byte methodByte) {
        this.methodByte = methodByte;
    }

    public byte methodByte() {
        return methodByte;
    }

    public static CompressionMethod fromByte(byte value) {
        for (CompressionMethod method : values()) {
            if (method.methodByte == value) {
                return method;
            }
        }
        throw new ColumbaException(
                ErrorCode.UNSUPPORTED_METHOD, String.format("Unknown compression method byte 0x%02x", value & 0xFF));
    }
}
