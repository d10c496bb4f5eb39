package io.reach.campaigns.analytics;

import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.MessageDesks;
import io.reach.campaigns.sending.Sending;
import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The console's analytics of one e-mail or SMS campaign: the API's totals and, for e-mail, the
 * daily opens and clicks as a chart drawn from the table under it.
 */
@Controller
@ConsolePage
@Hidden
public class MessageAnalyticsPage {

    /** One total: what it counts and its value. */
    public record Figure(String label, String value) {}

    /** One day of human opens and clicks (UTC days). */
    public record Day(String day, long opens, long clicks) {}

    private final CampaignAnalytics analytics;
    private final MessageDesks desks;
    private final Sending sending;

    MessageAnalyticsPage(CampaignAnalytics analytics, MessageDesks desks, Sending sending) {
        this.analytics = analytics;
        this.desks = desks;
        this.sending = sending;
    }

    @GetMapping("/app/messages/{id}/analytics")
    @RequiresPermission(resource = "campaign_sends", action = "read", idVariable = "id")
    String analytics(@SignedInMember UserPrincipal member, @PathVariable UUID id, Model model) {
        Channel channel = desks.channelOf(id, member);
        model.addAttribute("message", desks.summary(channel, id, member));
        if (channel == Channel.EMAIL) {
            model.addAttribute("figures", sending.forVisible(channel, id, member, () -> email(analytics.email(id))));
            model.addAttribute(
                    "days",
                    sending.forVisible(channel, id, member, () -> analytics.emailDaily(id, ZoneOffset.UTC)).stream()
                            .map(day -> new Day(day.day().toString(), day.opens(), day.clicks()))
                            .toList());
        } else {
            model.addAttribute("figures", sending.forVisible(channel, id, member, () -> sms(analytics.sms(id))));
            model.addAttribute("days", List.<Day>of());
        }
        return "messaging/analytics";
    }

    private static List<Figure> email(CampaignAnalytics.EmailStats stats) {
        return List.of(
                figure("Recipients", stats.recipients()),
                figure("Sent", stats.sent()),
                figure("Delivered", stats.delivered()),
                new Figure("Delivery rate", stats.deliveryRate() + " %"),
                figure("Opened (people)", stats.opened()),
                figure("Opens", stats.opens()),
                new Figure("Open rate", stats.openRate() + " %"),
                figure("Clicked (people)", stats.clicked()),
                figure("Clicks", stats.clicks()),
                new Figure("Click rate", stats.clickRate() + " %"),
                figure("Bounces", stats.bounced()),
                new Figure("Bounce rate", stats.bounceRate() + " %"),
                figure("Failed", stats.failed()),
                figure("Unsubscribes", stats.unsubscribed()),
                figure("Suppressed", stats.suppressed()),
                figure("Machine opens (left out)", stats.machineOpens()));
    }

    private static List<Figure> sms(CampaignAnalytics.SmsStats stats) {
        return List.of(
                figure("Recipients", stats.recipients()),
                figure("Sent", stats.sent()),
                figure("Delivered", stats.delivered()),
                new Figure("Delivery rate", stats.deliveryRate() + " %"),
                figure("Pending", stats.pending()),
                figure("Failed", stats.failed()),
                new Figure("Failure rate", stats.failureRate() + " %"),
                figure("Suppressed", stats.suppressed()),
                figure("Segments", stats.segments()));
    }

    private static Figure figure(String label, long value) {
        return new Figure(label, Long.toString(value));
    }
}
