package io.reach.campaigns.sms;

import io.reach.platform.web.NotFoundException;

/** A Twilio callback to a path Reach does not serve. */
class TwilioWebhookNotFound extends NotFoundException {

    private TwilioWebhookNotFound(String what, Object id) {
        super(what, id);
    }

    static TwilioWebhookNotFound forPath(String path) {
        return new TwilioWebhookNotFound("webhook", path);
    }
}
