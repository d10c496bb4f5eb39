package io.reach.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * One real SMTP server (GreenMail) per test JVM, on a free loopback port; every Spring test
 * context sends its mail there. Tests read the messages a recipient got.
 */
public final class TestMailServer implements ContextCustomizerFactory {

    private static final GreenMail SERVER = start();

    private static GreenMail start() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<org.springframework.test.context.ContextConfigurationAttributes> attributes) {
        return new SmtpProperties();
    }

    /** The texts of the mails {@code recipient} has received, waiting up to ten seconds for at least {@code count}. */
    public static List<String> mailsTo(String recipient, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<String> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = Arrays.stream(SERVER.getReceivedMessages())
                    .filter(message -> isFor(message, recipient))
                    .map(GreenMailUtil::getBody)
                    .toList();
            if (found.size() >= count) {
                return found;
            }
            SERVER.waitForIncomingEmail(200, 1);
        }
        return found;
    }

    /** The token a mail to {@code recipient} carries after {@code token=}, from its {@code n}-th mail (1-based). */
    public static Optional<String> tokenInMail(String recipient, int n) {
        List<String> mails = mailsTo(recipient, n);
        if (mails.size() < n) {
            return Optional.empty();
        }
        Matcher matcher = Pattern.compile("token=([A-Za-z0-9_-]+)")
                .matcher(mails.get(n - 1).replace("=\r\n", ""));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Every message received for addresses at {@code domain}, waiting up to 30 seconds for at least {@code count}. */
    public static List<MimeMessage> messagesToDomain(String domain, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<MimeMessage> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = Arrays.stream(SERVER.getReceivedMessages())
                    .filter(message -> isAt(message, domain))
                    .toList();
            if (found.size() >= count) {
                return found;
            }
            SERVER.waitForIncomingEmail(200, 1);
        }
        return found;
    }

    private static boolean isAt(MimeMessage message, String domain) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().toLowerCase().endsWith("@" + domain + ">")
                            || address.toString().toLowerCase().endsWith("@" + domain));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }

    private record SmtpProperties() implements ContextCustomizer {
        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration config) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "testMailServer",
                            Map.of(
                                    "spring.mail.host",
                                    "127.0.0.1",
                                    "spring.mail.port",
                                    SERVER.getSmtp().getPort())));
        }
    }
}
