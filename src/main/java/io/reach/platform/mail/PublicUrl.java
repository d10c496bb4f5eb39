package io.reach.platform.mail;

import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.InstallationSettings;
import io.reach.platform.web.ConflictException;
import java.net.InetAddress;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address mails link to: {@code reach.identity.public-url}, else this server on localhost at
 * the port it actually listens on (read when a link is made, since the port is known only once
 * the server runs). Links to localhost reach nobody once mail leaves this machine, so Reach says
 * so loudly at start and refuses campaign sends then; a mail server on this machine (a local
 * mail catcher) is read here, where localhost links work.
 */
@Component
public class PublicUrl {

    private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

    private final Environment environment;
    private final @Nullable InstallationSettings settings;

    /** Reads the SMTP host from the environment only. */
    PublicUrl(Environment environment) {
        this.environment = environment;
        this.settings = null;
    }

    /** Reads the SMTP host in use, the environment's or a stored one. */
    @Autowired
    PublicUrl(Environment environment, InstallationSettings settings) {
        this.environment = environment;
        this.settings = settings;
    }

    private @Nullable String smtpHost() {
        return settings == null
                ? environment.getProperty("spring.mail.host")
                : settings.effective(ConnectionKind.SMTP).value("host").orElse(null);
    }

    /** The base URL without a trailing slash. */
    public String base() {
        String configured = environment.getProperty("reach.identity.public-url");
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + ("0".equals(port) ? "8080" : port);
    }

    /** Whether mailed links would point at this machine while mail goes to another one. */
    public boolean linksUnreachableFromMail() {
        String smtpHost = smtpHost();
        return smtpHost != null && !smtpHost.isBlank() && !isLocal(smtpHost.strip()) && isLocal(hostOf(base()));
    }

    /** Refuses work that would mail links nobody can open (a campaign send). */
    public void requireReachableFromMail() {
        if (linksUnreachableFromMail()) {
            throw new ConflictException(
                    "Links would point at localhost",
                    "Mails would link to " + base() + ", which recipients cannot open; set reach.identity.public-url "
                            + "(REACH_IDENTITY_PUBLIC_URL) to the address people reach Reach at");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStart() {
        if (linksUnreachableFromMail()) {
            log.warn(
                    "!!! Mails link to {} but are sent through {}: recipients cannot open these links. Set "
                            + "reach.identity.public-url to the address people reach Reach at; campaign sends are refused until then.",
                    base(),
                    smtpHost());
        }
    }

    static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static boolean isLocal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")
                || bare.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: not resolved here, a start-up check must not wait on DNS
        }
        try {
            InetAddress address = InetAddress.getByName(bare);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
