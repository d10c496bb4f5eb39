package io.reach.identity.clerk;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads Clerk's user objects ({@code data} of {@code user.created}/{@code user.updated}). */
final class ClerkEvents {

    private ClerkEvents() {}

    /** 9999-12-31T23:59:59.999Z: later instants are not dates (and PostgreSQL would refuse some of them). */
    private static final long LAST_STORABLE_MILLI = 253_402_300_799_999L;

    /** The user in a Clerk event, if it has a usable id and a primary e-mail address Clerk has verified. */
    static Optional<ProviderUsers.ProviderUser> user(JsonNode data, Instant now) {
        String clerkId = text(data, "id");
        String email = primaryEmail(data);
        if (clerkId == null || email == null) {
            return Optional.empty();
        }
        return Optional.of(new ProviderUsers.ProviderUser(
                clerkId,
                email,
                name(text(data, "first_name")),
                name(text(data, "last_name")),
                username(text(data, "username")),
                text(data, "image_url"),
                text(data, "external_id"),
                object(data, "public_metadata"),
                object(data, "private_metadata"),
                object(data, "unsafe_metadata"),
                millis(data, "last_sign_in_at"),
                Optional.ofNullable(millis(data, "created_at")).orElse(now)));
    }

    private static @Nullable String primaryEmail(JsonNode data) {
        String primaryId = text(data, "primary_email_address_id");
        JsonNode addresses = data.path("email_addresses");
        for (JsonNode address : addresses) {
            // Only Clerk's word counts: an address without a verification object was never proved.
            boolean verified = "verified"
                    .equals(address.path("verification").path("status").asString(""));
            if ((primaryId == null || primaryId.equals(text(address, "id"))) && verified) {
                String email = text(address, "email_address");
                if (email != null && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && email.length() <= 254) {
                    return email;
                }
            }
        }
        return null;
    }

    /** {@code 003}'s rule: names have at least two characters; shorter ones are not kept. */
    private static @Nullable String name(@Nullable String value) {
        return value == null || value.strip().length() < 2 || value.length() > 100 ? null : value.strip();
    }

    private static @Nullable String username(@Nullable String value) {
        return value != null && value.matches("[A-Za-z0-9_.-]{2,64}") ? value : null;
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null
                        || value.isNull()
                        || !value.isString()
                        || value.asString().isBlank()
                ? null
                : value.asString();
    }

    private static String object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? value.toString() : "{}";
    }

    private static @Nullable Instant millis(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null
                        && value.isIntegralNumber()
                        && value.canConvertToLong()
                        && value.asLong() >= 0
                        && value.asLong() <= LAST_STORABLE_MILLI
                ? Instant.ofEpochMilli(value.asLong())
                : null;
    }
}
