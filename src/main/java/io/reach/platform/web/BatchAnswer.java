package io.reach.platform.web;

import java.util.List;

/**
 * What a batch of lines sent to an ingestion endpoint did: lines read and accepted, records stored,
 * and each refused line by its position in the batch (from 0) with its reasons.
 */
public record BatchAnswer(int accepted, int stored, List<Refused> rejected) {

    /** A refused line by its position in the batch (a log file's line number for imports). */
    public record Refused(int index, List<FieldError> errors) {}
}
