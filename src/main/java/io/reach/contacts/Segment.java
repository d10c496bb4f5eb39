package io.reach.contacts;

import java.time.Instant;
import java.util.UUID;

/** A saved filter over the workspace's contacts. */
public record Segment(UUID id, String name, SegmentDefinition definition, Instant createdAt, Instant updatedAt) {}
