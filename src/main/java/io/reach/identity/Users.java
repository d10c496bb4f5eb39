package io.reach.identity;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.identity.signin.UserAccounts;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The global user table ({@code identity.users}); e-mail addresses match without regard to case. */
@Repository
class Users implements UserAccounts {

    private static final String COLUMNS = """
            id, email, password_hash, email_verified, name, status, role, mfa_enabled, last_login_at, created_at""";
    private static final String INSERT = """
            insert into identity.users (id, email, password_hash, name, first_name, last_name, account_provider,
                registration_code, promo_code, created_at, updated_at, version)
            values (:id, :email, :passwordHash, :name, :firstName, :lastName, 'email', :registrationCode, :promoCode,
                :now, :now, 0)""";
    private static final String BY_EMAIL =
            "select " + COLUMNS + " from identity.users where lower(email) = lower(:email)";
    private static final String BY_ID = "select " + COLUMNS + " from identity.users where id = :id";
    private static final String VERIFY_EMAIL = """
            update identity.users set email_verified = true, email_verified_at = :now, updated_at = :now,
                version = version + 1
            where id = :id""";
    private static final String SET_PASSWORD = """
            update identity.users set password_hash = :hash, updated_at = :now, version = version + 1 where id = :id""";
    private static final String RECORD_LOGIN = "update identity.users set last_login_at = :now where id = :id";
    private static final String PROVE_BY_PROVIDER = """
            update identity.users set email_verified = true, email_verified_at = :now, password_hash = null,
                updated_at = :now, version = version + 1
            where id = :id and not email_verified""";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(UUID id, NewUser user, String passwordHash, Instant now) {
        jdbc.sql(INSERT)
                .param("id", id)
                .param("email", user.email())
                .param("passwordHash", passwordHash)
                .param("name", user.name())
                .param("firstName", user.firstName())
                .param("lastName", user.lastName())
                .param("registrationCode", user.registrationCode())
                .param("promoCode", user.promoCode())
                .param("now", utc(now))
                .update();
    }

    @Override
    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql(BY_EMAIL).param("email", email).query(UserAccount.class).optional();
    }

    @Override
    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql(BY_ID).param("id", id).query(UserAccount.class).optional();
    }

    @Override
    public void markEmailVerified(UUID id, Instant now) {
        jdbc.sql(VERIFY_EMAIL).param("id", id).param("now", utc(now)).update();
    }

    @Override
    public void setPasswordHash(UUID id, String hash, Instant now) {
        jdbc.sql(SET_PASSWORD)
                .param("id", id)
                .param("hash", hash)
                .param("now", utc(now))
                .update();
    }

    /**
     * The address's owner proved it (following the mail that links a provider sign-in) before
     * anyone else had: the password whoever signed up with it unproved chose goes.
     */
    @Override
    public void proveAddressForProviderSignIn(UUID id, Instant now) {
        jdbc.sql(PROVE_BY_PROVIDER).param("id", id).param("now", utc(now)).update();
    }

    @Override
    public void recordLogin(UUID id, Instant now) {
        jdbc.sql(RECORD_LOGIN).param("id", id).param("now", utc(now)).update();
    }
}
