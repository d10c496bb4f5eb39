package io.reach.platform.connections;

import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A connection the installation makes, with the fields it is made of and the Spring properties
 * that set each field from the environment. The first field is the one whose presence in the
 * environment makes the environment the connection's source.
 */
@CheckSet(table = "installation.connections", column = "kind")
public enum ConnectionKind {
    SMTP(
            "smtp",
            "SMTP server",
            new Field("host", "spring.mail.host", false, true),
            new Field("port", "spring.mail.port", false, true),
            new Field("username", "spring.mail.username", false, false),
            new Field("password", "spring.mail.password", true, false),
            new Field("from", "reach.mail.from", false, false),
            new Field("starttls", "spring.mail.properties.mail.smtp.starttls.enable", false, false)),
    SMS(
            "sms",
            "SMS provider (Twilio API)",
            new Field("account_sid", "reach.campaigns.sms.account-sid", false, true),
            new Field("auth_token", "reach.campaigns.sms.auth-token", true, true),
            new Field("base_url", "reach.campaigns.sms.base-url", false, false)),
    SOCIAL_FACEBOOK("social:facebook", "Facebook app", clientCredentials("facebook")),
    SOCIAL_INSTAGRAM("social:instagram", "Instagram app", clientCredentials("instagram")),
    SOCIAL_LINKEDIN("social:linkedin", "LinkedIn app", clientCredentials("linkedin")),
    SOCIAL_THREADS("social:threads", "Threads app", clientCredentials("threads")),
    SOCIAL_TIKTOK("social:tiktok", "TikTok app", clientCredentials("tiktok")),
    SOCIAL_X("social:x", "X app", clientCredentials("x")),
    SOCIAL_YOUTUBE("social:youtube", "YouTube (Google) app", clientCredentials("youtube"));

    /**
     * One setting of a connection.
     *
     * @param name its name on the wire and in storage, e.g. {@code client_secret}
     * @param property the Spring property that sets it from the environment
     * @param secret whether it is stored encrypted and never shown again
     * @param required whether the connection needs it
     */
    public record Field(String name, String property, boolean secret, boolean required) {}

    private final String code;
    private final String label;
    private final List<Field> fields;

    ConnectionKind(String code, String label, Field... fields) {
        this.code = code;
        this.label = label;
        this.fields = List.of(fields);
    }

    private static Field[] clientCredentials(String platform) {
        String prefix = "reach.social." + platform + ".";
        return new Field[] {
            new Field("client_id", prefix + "client-id", false, true),
            new Field("client_secret", prefix + "client-secret", true, true)
        };
    }

    /** The kind's code, e.g. {@code social:linkedin}. */
    public String code() {
        return code;
    }

    /** What the kind is, in words. */
    public String label() {
        return label;
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    public static Optional<ConnectionKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }

    /** The kind holding a social platform's app credentials, e.g. {@code linkedin}. */
    public static Optional<ConnectionKind> social(String platform) {
        return ofCode("social:" + platform);
    }
}
