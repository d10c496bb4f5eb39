package io.reach.contacts;

import java.time.Instant;

/** A custom attribute the workspace declares for its contacts: {@code contact.<name>} in templates. */
public record ContactField(String name, String label, FieldType fieldType, Instant createdAt) {}
