package io.reach.publishing.automation;

import io.reach.platform.web.NotFoundException;

/** No webhook is received for this platform. */
class WebhookNotFound extends NotFoundException {

    private WebhookNotFound(String platform) {
        super("Webhook", platform);
    }

    static WebhookNotFound forPlatform(String platform) {
        return new WebhookNotFound(platform);
    }
}
