package io.reach.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint needs: an action on a resource type ({@code api_keys} +
 * {@code write}). Checked before the handler runs by the one decision point
 * ({@link AccessDecisions}); a refusal is a 403 and is logged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresPermission {

    String resource();

    String action();

    /** The path variable that names the resource, when there is one (for ownership-based policies). */
    String idVariable() default "";
}
