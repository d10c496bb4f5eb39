package io.reach.campaigns;

import io.reach.campaigns.templates.Templates;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What a channel reads of the campaign and the template version its message campaign was made from:
 * the campaign's settings (cost, tracking, rate) and the template's declared variables. Runs in the
 * caller's tenant transaction.
 */
@Component
public class MessageSources {

    private final Campaigns campaigns;
    private final Templates templates;

    MessageSources(Campaigns campaigns, Templates templates) {
        this.campaigns = campaigns;
        this.templates = templates;
    }

    /** The {@code campaign_settings} of the campaign a message campaign runs under. */
    public JsonNode settings(UUID campaignId) {
        return campaigns.get(campaignId).setup().settings();
    }

    /** The variables the template version declares, or none when the content was given directly. */
    public @Nullable JsonNode variablesOf(@Nullable UUID templateVersionId) {
        return templates.variablesOf(templateVersionId);
    }
}
