package io.reach.platform.connections;

import java.util.Map;

/** Where platform admins' connection settings are kept (the installation module), decrypted on read. */
public interface ConnectionStore {

    /** The stored settings of {@code kind}, secrets opened; empty when none are stored. */
    Map<String, String> load(ConnectionKind kind);
}
