package io.reach.contacts;

import io.reach.platform.web.Codes;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact filter from query parameters (the API's and the console's): unknown codes and too-short texts are 400s. */
final class ContactFilters {

    private ContactFilters() {}

    static ContactFilter of(
            @Nullable String status,
            @Nullable String tag,
            @Nullable UUID listId,
            @Nullable String memberStatus,
            @Nullable String search) {
        String text = blankToNull(search);
        if (text != null && (text.length() < 2 || text.length() > 200 || controls(text))) {
            throw new InvalidRequestException(
                    new FieldError("search", "must be 2 to 200 characters, without control characters"));
        }
        String tagged = blankToNull(tag);
        if (tagged != null && (tagged.length() > 50 || controls(tagged))) {
            throw new InvalidRequestException(
                    new FieldError("tag", "must be at most 50 characters, without control characters"));
        }
        String member = blankToNull(memberStatus);
        if (member != null && listId == null) {
            throw new InvalidRequestException(new FieldError("member_status", "needs list_id"));
        }
        String state = blankToNull(status);
        return new ContactFilter(
                state == null ? null : Codes.of(ContactStatus.class, state, "status"),
                tagged,
                listId,
                member == null ? null : Codes.of(MemberStatus.class, member, "member_status"),
                text);
    }

    private static boolean controls(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
