package io.reach.identity.access;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Permissions as strings: {@code resource:action}, with {@code *} for any resource or action
 * ({@code campaigns:*}, {@code *:read}, {@code *}). Actions are {@code read} and {@code write}.
 */
public final class Scopes {

    static final Pattern VALID = Pattern.compile("\\*|([a-z][a-z_]{0,63}|\\*):(read|write|\\*)");
    public static final String MESSAGE = "each scope must look like resource:read, resource:write, resource:* or *";

    private Scopes() {}

    public static boolean grants(Collection<String> granted, String resource, String action) {
        return granted.stream().anyMatch(scope -> matches(scope, resource, action));
    }

    private static boolean matches(String scope, String resource, String action) {
        if (scope.equals("*")) {
            return true;
        }
        int colon = scope.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String r = scope.substring(0, colon);
        String a = scope.substring(colon + 1);
        return (r.equals("*") || r.equals(resource)) && (a.equals("*") || a.equals(action));
    }
}
