package io.reach.publishing;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No campaign of the current workspace has this id (a published post links only to its own workspace's). */
class CampaignNotFound extends NotFoundException {

    private CampaignNotFound(UUID id) {
        super("Campaign", id);
    }

    static CampaignNotFound forId(UUID id) {
        return new CampaignNotFound(id);
    }
}
