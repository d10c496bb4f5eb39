package io.reach.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link UserPrincipal} handler parameter: the signed-in member making the request. A caller
 * that is not a signed-in member (an API key) gets 403, unless {@link #required()} is false: then
 * the parameter is null for it. The OpenAPI document does not show the parameter.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SignedInMember {

    /** False where an API key may call too (the parameter is then {@code @Nullable}). */
    boolean required() default true;
}
