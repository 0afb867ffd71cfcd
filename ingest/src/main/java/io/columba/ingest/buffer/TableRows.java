package io.columba.ingest.buffer;

/** Rows for one table as JSONEachRow text, every value one the table's types accept. */
public record TableRows(String table, int rowCount, String rows) {}
