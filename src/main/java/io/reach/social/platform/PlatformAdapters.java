package io.reach.social.platform;

import io.reach.social.PlatformError;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The platform adapters, looked up by platform name; the first adapter for a platform wins (tests put theirs first). */
@Component
public class PlatformAdapters {

    private final List<SocialProvider> providers;

    PlatformAdapters(List<SocialProvider> providers) {
        this.providers = providers;
    }

    /** The platform's adapter, whether or not it is configured. */
    public Optional<SocialProvider> any(String platform) {
        return providers.stream().filter(p -> p.platform().equals(platform)).findFirst();
    }

    /** The platform's adapter if it has its client credentials. */
    public Optional<SocialProvider> configured(String platform) {
        return any(platform).filter(SocialProvider::isConfigured);
    }

    /** The configured adapter, or a terminal platform error that says so, for publishing and actions. */
    public SocialProvider require(String platform) {
        return configured(platform)
                .orElseThrow(() -> new PlatformError(
                        PlatformError.Kind.TERMINAL,
                        null,
                        null,
                        platform + " is not configured in this installation (reach.social." + platform + ".*)"));
    }
}
