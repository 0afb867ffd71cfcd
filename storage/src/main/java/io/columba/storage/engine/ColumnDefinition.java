package io.columba.storage.engine;

import io.columba.storage.codec.CodecChain;
import io.columba.storage.type.DataType;

/** A named, typed column of a table, with the codecs its parts are written with. */
public record ColumnDefinition(String name, DataType type, CodecChain codec) {

    public ColumnDefinition(String name, DataType type) {
        this(name, type, CodecChain.DEFAULT);
    }
}
