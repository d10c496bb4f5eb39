package io.reach.identity;

import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A signed-in user's own data: key-value entries (at most {@link UserProfileData#MAX_ENTRIES}),
 * which mails they want, and the counters kept about them.
 */
@Service
class UserProfiles {

    private final UserProfileData profile;
    private final TenantTransactions transactions;
    private final Clock clock;

    UserProfiles(UserProfileData profile, TenantTransactions transactions, Clock clock) {
        this.profile = profile;
        this.transactions = transactions;
        this.clock = clock;
    }

    List<UserProfileData.Entry> data(UUID userId) {
        return profile.data(userId);
    }

    /** Sets one entry; the answer is all the user's entries. */
    List<UserProfileData.Entry> put(UUID userId, String key, String value) {
        if (!transactions.inTransaction(() -> profile.put(userId, key, value, clock.instant()))) {
            throw new ConflictException(
                    "Too many entries",
                    "A user keeps at most " + UserProfileData.MAX_ENTRIES
                            + " entries; remove one before adding another");
        }
        return profile.data(userId);
    }

    void delete(UUID userId, String key) {
        if (!profile.delete(userId, key)) {
            throw ProfileEntryNotFound.forKey(key);
        }
    }

    UserProfileData.EmailPreferences preferences(UUID userId) {
        return profile.preferences(userId);
    }

    UserProfileData.EmailPreferences setPreferences(UUID userId, UserProfileData.EmailPreferences preferences) {
        profile.setPreferences(userId, preferences, clock.instant());
        return profile.preferences(userId);
    }

    List<UserProfileData.Metric> metrics(UUID userId) {
        return profile.metrics(userId);
    }
}
