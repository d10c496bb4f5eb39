package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.campaigns.sending.Channel;
import io.reach.platform.web.NotFoundException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Named problems answer exactly what the generic {@link NotFoundException} answered before them. */
class CampaignNotFoundTest {

    private static final UUID ID = UUID.fromString("018f0000-0000-7000-8000-00000000000a");

    @Test
    void a_named_problem_keeps_the_generic_wording() {
        assertSameProblem(CampaignNotFound.forId(ID), new NotFoundException("campaign", ID));
        assertSameProblem(CampaignNotFound.emailCampaign(ID), new NotFoundException("email campaign", ID));
        assertSameProblem(CampaignNotFound.smsCampaign(ID), new NotFoundException("sms campaign", ID));
        assertSameProblem(CampaignNotFound.ofChannel(Channel.SMS, ID), new NotFoundException("sms campaign", ID));
    }

    @Test
    void a_named_problem_is_a_not_found() {
        assertThat(CampaignNotFound.forId(ID)).isInstanceOf(NotFoundException.class);
        assertThat(CampaignNotFound.forId(ID).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(CampaignNotFound.forId(ID).getMessage()).isEqualTo("No campaign with id " + ID);
    }

    private static void assertSameProblem(NotFoundException named, NotFoundException generic) {
        assertThat(named.title()).isEqualTo(generic.title());
        assertThat(named.getMessage()).isEqualTo(generic.getMessage());
        assertThat(named.status()).isEqualTo(generic.status());
    }
}
