package io.columba.ingest;

/**
 * The one road every ingestion path sends its inserts down, so that whatever follows an insert into a table runs
 * whichever path the rows came by. {@link #DIRECT} only inserts; the workspace's inserter also runs the
 * materialized views that read the table over the inserted rows.
 */
@FunctionalInterface
public interface Inserter {
    /** Inserts the rows straight into their table. */
    Inserter DIRECT = (table, insertion) -> insertion.into(table);

    /**
     * Inserts the rows {@code insertion} writes into {@code table}. An exception means the rows are not in
     * {@code table}; what follows the insert reports its own failures and never undoes it.
     */
    void insert(String table, Insertion insertion);

    /** One insert's rows, ready to be written into any table shaped like the one they are meant for. */
    @FunctionalInterface
    interface Insertion {
        /** Inserts the rows into {@code table}, in one statement. */
        void into(String table);
    }
}
