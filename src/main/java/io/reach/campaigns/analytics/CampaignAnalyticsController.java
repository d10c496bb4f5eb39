package io.reach.campaigns.analytics;

import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.Sending;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.TabularAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaign performance (the reference model's campaign, e-mail, SMS and top-campaign analytics
 * views). The lists (daily engagement, top campaigns) answer JSON or CSV (see {@link TabularAnswer});
 * one campaign's figures are a JSON object only (CSV is refused: 406, or 400 for {@code format}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Campaign analytics")
@SecurityRequirement(name = "bearer")
class CampaignAnalyticsController {

    private final CampaignAnalytics analytics;
    private final CampaignPerformance performance;
    private final Sending sending;

    CampaignAnalyticsController(CampaignAnalytics analytics, CampaignPerformance performance, Sending sending) {
        this.analytics = analytics;
        this.performance = performance;
        this.sending = sending;
    }

    @GetMapping("/email-campaigns/{id}/analytics")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    @Operation(summary = "An e-mail campaign's recipients, sent, delivered, opened, clicked, bounced, failed and rates")
    CampaignAnalytics.EmailStats email(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        return sending.forVisible(Channel.EMAIL, id, member, () -> analytics.email(id));
    }

    @GetMapping(
            path = "/email-campaigns/{id}/analytics/daily",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    @Operation(
            summary = "An e-mail campaign's human opens and clicks per day (UTC unless zone is given), every day from "
                    + "its creation to today, oldest first (one page; a day without opens or clicks has zeros)")
    ResponseEntity<?> emailDaily(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "UTC") String zone,
            TabularAnswer answer) {
        ZoneId timeZone;
        try {
            timeZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidRequestException(new FieldError("zone", "is not a time zone (e.g. Europe/Paris)"));
        }
        return answer.of(
                CursorPage.whole(
                        sending.forVisible(Channel.EMAIL, id, member, () -> analytics.emailDaily(id, timeZone))),
                CampaignTables.DAILY,
                CampaignTables::daily,
                "email-daily");
    }

    @GetMapping("/sms-campaigns/{id}/analytics")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    @Operation(summary = "An SMS campaign's recipients, sent, delivered, failed, pending, segments and rates")
    CampaignAnalytics.SmsStats sms(@SignedInMember UserPrincipal member, @PathVariable UUID id) {
        return sending.forVisible(Channel.SMS, id, member, () -> analytics.sms(id));
    }

    @GetMapping("/campaigns/{id}/analytics")
    @RequiresPermission(resource = "campaigns", action = "read", idVariable = "id")
    @Operation(summary = "A campaign's performance over all its e-mail and SMS campaigns")
    CampaignAnalytics.CampaignStats campaign(@PathVariable UUID id) {
        return performance.of(id);
    }

    @GetMapping(
            path = "/campaigns/top",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "campaigns", action = "read")
    @Operation(
            summary =
                    "The best campaigns by open_rate, click_rate, delivery_rate, opens, clicks, sent or sms_delivered, "
                            + "best first (one page of at most limit campaigns)")
    ResponseEntity<?> top(
            @RequestParam(defaultValue = "click_rate") String metric,
            @RequestParam(defaultValue = "10") int limit,
            TabularAnswer answer) {
        return answer.of(
                CursorPage.whole(performance.top(metric, Math.clamp(limit, 1, 100))),
                CampaignTables.CAMPAIGN,
                CampaignTables::campaign,
                "top-campaigns");
    }
}
