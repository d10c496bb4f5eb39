package io.reach.platform.database;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads whose best plan depends on the values they are given: a search text, a tag, a segment's
 * conditions. pgjdbc prepares a statement on the server from its fifth use on a connection, and
 * PostgreSQL may then reuse one generic plan for every value: for {@code contacts.search_text(…) like $1 order
 * by id limit 50} that plan walks the whole workspace in id order (3 s at a million contacts)
 * where the plan for the value reads a trigram index (70 ms). Within the caller's transaction this
 * asks for a plan per value, without JIT compilation (tens of milliseconds spent on a query that
 * runs in a hundred), and with enough memory that a bitmap over a million rows stays exact.
 */
public final class AdHocReads {

    private AdHocReads() {}

    /** Applies to the rest of the caller's transaction. */
    public static void planForTheValues(JdbcClient jdbc) {
        jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true), set_config('jit', 'off', true),"
                        + " set_config('work_mem', '32MB', true)")
                .query()
                .listOfRows();
    }
}
