package io.reach.contacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person the workspace may mail or text, as stored. */
public record Contact(
        UUID id,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String locale,
        @Nullable String timeZone,
        Map<String, Object> attributes,
        List<String> tags,
        ContactStatus status,
        ContactSource source,
        int engagementScore,
        @Nullable Instant lastActivityAt,
        Frequency frequency,
        @Nullable Instant lastCampaignAt,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether a campaign starting at {@code now} may take the contact, as its frequency says. */
    public boolean dueFor(Instant now) {
        return lastCampaignAt == null || !lastCampaignAt.plus(frequency.gap()).isAfter(now);
    }

    /** The name to greet the contact by: first and last name, else the e-mail address or number. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return email != null ? email : phone == null ? "" : phone;
    }
}
