package io.reach.platform.connections;

/** Where a connection's settings come from; the environment wins over the database. */
public enum ConnectionSource {
    ENVIRONMENT,
    DATABASE,
    NONE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
