package io.columba.ingest.events;

/** What an ingestion request did: rows accepted into the data source, and rows put in its quarantine. */
public record IngestResult(long successfulRows, long quarantinedRows) {}
