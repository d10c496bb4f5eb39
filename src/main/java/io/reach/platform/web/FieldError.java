package io.reach.platform.web;

/** One invalid field of a request, listed in the {@code errors} member of a validation problem. */
public record FieldError(String field, String message) {}
