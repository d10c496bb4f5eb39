package io.reach.campaigns;

import io.reach.campaigns.sending.Channel;
import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No campaign of this kind has this id in the current workspace. */
public class CampaignNotFound extends NotFoundException {

    private CampaignNotFound(String what, UUID id) {
        super(what, id);
    }

    static CampaignNotFound forId(UUID id) {
        return new CampaignNotFound("campaign", id);
    }

    /** The e-mail or SMS campaign of {@code channel} with this id. */
    public static CampaignNotFound ofChannel(Channel channel, UUID id) {
        return new CampaignNotFound(channel.code() + " campaign", id);
    }

    public static CampaignNotFound emailCampaign(UUID id) {
        return new CampaignNotFound("email campaign", id);
    }

    public static CampaignNotFound smsCampaign(UUID id) {
        return new CampaignNotFound("sms campaign", id);
    }
}
