package io.reach.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link TimeWindow} handler parameter: open ends mean the last {@link #days()} days ({@code to}
 * defaults to now), not "since 1970" and "until 9999" as for a window without it.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface RecentWindow {

    /** How far before {@code to} the window starts when {@code from} is left out. */
    int days();
}
