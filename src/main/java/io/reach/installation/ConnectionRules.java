package io.reach.installation;

import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.ConnectionKind.Field;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What each connection field may hold; a refusal names every bad field. */
final class ConnectionRules {

    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern TOKEN = Pattern.compile("\\S{1,500}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private ConnectionRules() {}

    /** Throws unless every field is known and valid and every required field is present. */
    static void check(ConnectionKind kind, Map<String, String> values) {
        List<FieldError> errors = new ArrayList<>();
        values.keySet().stream()
                .filter(name -> kind.field(name).isEmpty())
                .sorted()
                .forEach(name -> errors.add(new FieldError(name, "is not a setting of " + kind.code())));
        for (Field field : kind.fields()) {
            String value = values.get(field.name());
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    errors.add(new FieldError(field.name(), "is required"));
                }
                continue;
            }
            problem(field.name(), value).ifPresent(message -> errors.add(new FieldError(field.name(), message)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The " + kind.label() + " settings are not valid", errors);
        }
    }

    private static Optional<String> problem(String field, String value) {
        return switch (field) {
            case "host" ->
                HOST.matcher(value).matches() ? Optional.empty() : Optional.of("must be a host name or address");
            case "port" -> port(value);
            case "from" ->
                EMAIL.matcher(value).matches() && value.length() <= 254
                        ? Optional.empty()
                        : Optional.of("must be an e-mail address");
            case "starttls" ->
                value.equals("true") || value.equals("false") ? Optional.empty() : Optional.of("must be true or false");
            case "base_url" -> httpUrl(value);
            case "username", "password" ->
                value.length() <= 500 && value.chars().noneMatch(Character::isISOControl)
                        ? Optional.empty()
                        : Optional.of("must be at most 500 characters, without control characters");
            default ->
                TOKEN.matcher(value).matches()
                        ? Optional.empty()
                        : Optional.of("must be 1 to 500 characters without spaces");
        };
    }

    private static Optional<String> port(String value) {
        try {
            int port = Integer.parseInt(value);
            return port >= 1 && port <= 65535 ? Optional.empty() : Optional.of("must be a port from 1 to 65535");
        } catch (NumberFormatException e) {
            return Optional.of("must be a port from 1 to 65535");
        }
    }

    private static Optional<String> httpUrl(String value) {
        try {
            URI uri = URI.create(value);
            boolean web = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
            return web && value.length() <= 500 ? Optional.empty() : Optional.of("must be an http(s) URL");
        } catch (IllegalArgumentException e) {
            return Optional.of("must be an http(s) URL");
        }
    }
}
