package io.reach.platform.mail;

import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.ConnectionSource;
import io.reach.platform.connections.EffectiveConnection;
import io.reach.platform.connections.InstallationSettings;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server mail goes through, asked at each send: Spring's own sender when the environment
 * sets {@code spring.mail.host}, else one made from the settings a platform admin stored (made
 * again when they change), else none.
 */
@Component
public class MailServer {

    private record Made(Map<String, String> values, JavaMailSenderImpl sender) {}

    private final InstallationSettings settings;
    private final ObjectProvider<JavaMailSender> environmentSender;
    private final String configuredFrom;
    private final AtomicReference<@Nullable Made> made = new AtomicReference<>();

    MailServer(
            InstallationSettings settings,
            ObjectProvider<JavaMailSender> environmentSender,
            @Value("${reach.mail.from:reach@localhost}") String configuredFrom) {
        this.settings = settings;
        this.environmentSender = environmentSender;
        this.configuredFrom = configuredFrom;
    }

    /** The sender to use now, if an SMTP server is configured. */
    public Optional<JavaMailSenderImpl> current() {
        EffectiveConnection smtp = settings.effective(ConnectionKind.SMTP);
        if (smtp.source() == ConnectionSource.ENVIRONMENT
                && environmentSender.getIfAvailable() instanceof JavaMailSenderImpl spring) {
            return Optional.of(spring);
        }
        return smtp.configured() ? Optional.of(senderFor(smtp.values())) : Optional.empty();
    }

    /** The address mail is sent from: the stored one when the stored server is used and names one. */
    public String from() {
        EffectiveConnection smtp = settings.effective(ConnectionKind.SMTP);
        return smtp.source() == ConnectionSource.DATABASE ? smtp.value("from").orElse(configuredFrom) : configuredFrom;
    }

    /** The SMTP host in use, if any. */
    public Optional<String> host() {
        return settings.effective(ConnectionKind.SMTP).value("host");
    }

    private JavaMailSenderImpl senderFor(Map<String, String> values) {
        Made current = made.get();
        if (current != null && current.values().equals(values)) {
            return current.sender();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(values.getOrDefault("host", "localhost"));
        sender.setPort(Integer.parseInt(values.getOrDefault("port", "25")));
        sender.setUsername(values.get("username"));
        sender.setPassword(values.get("password"));
        Properties properties = new Properties();
        boolean starttls = Boolean.parseBoolean(values.getOrDefault("starttls", "false"));
        properties.setProperty("mail.smtp.auth", String.valueOf(values.containsKey("username")));
        properties.setProperty("mail.smtp.starttls.enable", String.valueOf(starttls));
        properties.setProperty("mail.smtp.starttls.required", String.valueOf(starttls));
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "30000");
        properties.setProperty("mail.smtp.writetimeout", "30000");
        sender.setJavaMailProperties(properties);
        made.set(new Made(Map.copyOf(values), sender));
        return sender;
    }
}
