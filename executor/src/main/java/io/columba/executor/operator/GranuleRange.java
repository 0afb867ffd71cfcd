package io.columba.executor.operator;

import io.columba.storage.part.DataPart;

/** Granules {@code [from, to)} of a part that a scan must read. */
public record GranuleRange(DataPart part, int from, int to) {}
