package io.reach.campaigns.email;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Tells opens and clicks made by machines from people's: security gateways and link scanners
 * fetch every link of a message as it arrives, and Apple Mail Privacy Protection prefetches
 * images with a bare {@code Mozilla/5.0} agent. Anything within {@code window} of sending (or
 * delivery), or from such an agent, is a machine's. Google's image proxy fetches when a person
 * opens the message, so it counts as human.
 */
final class MachineOpens {

    private static final List<String> AGENTS = List.of(
            "bot",
            "crawler",
            "spider",
            "scanner",
            "preview",
            "yahoomailproxy",
            "mimecast",
            "barracuda",
            "proofpoint",
            "ppops",
            "symantec",
            "messagelabs",
            "trend micro",
            "forcepoint",
            "sophos",
            "fireeye",
            "cisco",
            "zscaler",
            "microsoft office protection",
            "safelinks",
            "python-requests",
            "python-urllib",
            "python-httpx",
            "aiohttp",
            "curl/",
            "wget/",
            "go-http-client",
            "java/",
            "okhttp",
            "libwww-perl",
            "apache-httpclient",
            "node-fetch",
            "axios/",
            "headlesschrome",
            "phantomjs");

    private MachineOpens() {}

    static boolean machine(
            @Nullable String userAgent,
            @Nullable Instant sentAt,
            @Nullable Instant deliveredAt,
            Instant now,
            Duration window) {
        Instant since = deliveredAt != null ? deliveredAt : sentAt;
        if (since != null && now.isBefore(since.plus(window))) {
            return true;
        }
        if (userAgent == null || userAgent.isBlank() || userAgent.trim().equals("Mozilla/5.0")) {
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return AGENTS.stream().anyMatch(agent::contains);
    }
}
