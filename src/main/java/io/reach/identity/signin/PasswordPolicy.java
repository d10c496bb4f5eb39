package io.reach.identity.signin;

import io.reach.identity.IdentityProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough (NIST SP 800-63B: length over composition rules), at
 * most 128 characters (hashing cost), and not one of the passwords attackers try first.
 */
@Component
public class PasswordPolicy {

    static final int MAX_LENGTH = 128;

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(IdentityProperties properties) {
        this.minLength = properties.minPasswordLength();
        this.common = load();
    }

    /** Why {@code password} is refused, or empty when it is acceptable. */
    public Optional<String> problemWith(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return Optional.of("must be at least " + minLength + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || lower.equals(email.toLowerCase(Locale.ROOT))) {
            return Optional.of("is too common; choose another");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
