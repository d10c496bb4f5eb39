package io.reach.campaigns.analytics;

import io.reach.platform.web.Codes;
import java.math.BigDecimal;
import java.util.function.Function;

/** What "top campaigns" ranks by. */
enum TopMetric {
    OPEN_RATE(c -> c.email().openRate()),
    CLICK_RATE(c -> c.email().clickRate()),
    DELIVERY_RATE(c -> c.email().deliveryRate()),
    OPENS(c -> BigDecimal.valueOf(c.email().opens())),
    CLICKS(c -> BigDecimal.valueOf(c.email().clicks())),
    SENT(c -> BigDecimal.valueOf(c.email().sent() + c.sms().sent())),
    SMS_DELIVERED(c -> BigDecimal.valueOf(c.sms().delivered()));

    private final Function<CampaignAnalytics.CampaignStats, BigDecimal> value;

    TopMetric(Function<CampaignAnalytics.CampaignStats, BigDecimal> value) {
        this.value = value;
    }

    BigDecimal value(CampaignAnalytics.CampaignStats stats) {
        return value.apply(stats);
    }

    static TopMetric of(String code) {
        return Codes.of(TopMetric.class, code, "metric");
    }
}
