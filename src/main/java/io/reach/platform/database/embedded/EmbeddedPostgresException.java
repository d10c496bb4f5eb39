package io.reach.platform.database.embedded;

/** The embedded PostgreSQL server could not be prepared, started or stopped. */
public class EmbeddedPostgresException extends RuntimeException {

    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
