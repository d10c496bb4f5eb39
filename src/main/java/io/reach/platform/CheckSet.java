package io.reach.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the enum that mirrors a column's {@code CHECK (column in (...))} set: its wire codes (the
 * {@code @JsonValue} or {@code code()} method, else the lower-case name) are exactly the set, so
 * Java never spells a state the database would refuse. A catalog test compares both.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(CheckSet.List.class)
public @interface CheckSet {

    /** The table as {@code schema.table}. */
    String table();

    String column();

    /** Several tables sharing one set (e-mail and SMS campaigns). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        CheckSet[] value();
    }
}
