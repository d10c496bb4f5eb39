package io.reach.identity.signin;

import io.reach.identity.UserAccount;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The user accounts as sign-in reads and changes them; the module root's user repository answers
 * (it stays package-private there, so no other module reaches it through this port).
 */
public interface UserAccounts {

    void insert(UUID id, NewUser user, String passwordHash, Instant now);

    Optional<UserAccount> findByEmail(String email);

    Optional<UserAccount> findById(UUID id);

    void markEmailVerified(UUID id, Instant now);

    void setPasswordHash(UUID id, String hash, Instant now);

    /**
     * The address's owner proved it (following the mail that links a provider sign-in) before
     * anyone else had: the password whoever signed up with it unproved chose goes.
     */
    void proveAddressForProviderSignIn(UUID id, Instant now);

    void recordLogin(UUID id, Instant now);

    /** What sign-up knows of a new user. */
    record NewUser(
            String email,
            @Nullable String name,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String registrationCode,
            @Nullable String promoCode) {}
}
