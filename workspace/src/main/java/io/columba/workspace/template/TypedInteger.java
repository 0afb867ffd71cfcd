package io.columba.workspace.template;

import java.math.BigInteger;

/**
 * The result of {@code Int8(x)} ... {@code UInt256(x)}: a Python int that renders as {@code toInt32('5')}.
 */
record TypedInteger(BigInteger value, String type) {
    String sql() {
        return "to" + type + "('" + value + "')";
    }
}
