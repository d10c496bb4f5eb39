package io.reach.identity.clerk;

import io.reach.platform.web.NotFoundException;

/** A webhook whose secret is not configured does not exist, as far as senders can tell. */
class WebhookNotFound extends NotFoundException {

    private WebhookNotFound(String source) {
        super("Webhook", source + " (not configured)");
    }

    static WebhookNotFound notConfigured(String source) {
        return new WebhookNotFound(source);
    }
}
