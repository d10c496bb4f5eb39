package io.reach.attribution.results;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.reach.attribution.catalog.AttributionModels.StoredModel;
import io.reach.attribution.catalog.ModelCatalog;
import io.reach.attribution.models.Credits;
import io.reach.attribution.models.Journey;
import io.reach.attribution.models.ModelSettings;
import io.reach.attribution.results.AttributionResults.Period;
import io.reach.attribution.results.StoredAnalysis.CampaignDay;
import io.reach.attribution.results.StoredAnalysis.StoredPath;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import io.reach.podcasts.Sponsorships;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * An attribution analysis of a range of days, in the background: each day's conversions are matched
 * to their touches (campaign rules included), each attributed conversion's path is stored, and each
 * campaign's day is stored with its cost and every enabled model's conversions, revenue, CPA (cost
 * ÷ conversions) and ROAS (revenue ÷ cost). A day is replaced whole, so an analysis can be run again;
 * progress is reported day by day through the job and the log.
 */
@Service
public class AttributionAnalysis {

    static final int MAX_DAYS = 366;
    private static final Logger log = LoggerFactory.getLogger(AttributionAnalysis.class);
    static final TaskDescriptor<String> TASK = TaskDescriptor.of("attribution-analysis", String.class);

    private final TenantTransactions transactions;
    private final AnalysisJobs jobs;
    private final StoredAnalysis stored;
    private final AttributionResults results;
    private final ModelCatalog catalog;
    private final Sponsorships sponsorships;
    private final CampaignRules rules;
    private final io.reach.campaigns.CampaignDirectory campaignDirectory;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Ids ids;
    private final Clock clock;

    AttributionAnalysis(
            TenantTransactions transactions,
            AnalysisJobs jobs,
            StoredAnalysis stored,
            AttributionResults results,
            ModelCatalog catalog,
            Sponsorships sponsorships,
            CampaignRules rules,
            io.reach.campaigns.CampaignDirectory campaignDirectory,
            ObjectProvider<SchedulerClient> scheduler,
            Ids ids,
            Clock clock) {
        this.transactions = transactions;
        this.jobs = jobs;
        this.stored = stored;
        this.results = results;
        this.catalog = catalog;
        this.sponsorships = sponsorships;
        this.rules = rules;
        this.campaignDirectory = campaignDirectory;
        this.scheduler = scheduler;
        this.ids = ids;
        this.clock = clock;
    }

    /** What to analyse. */
    public record AnalysisInput(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Integer lookbackDays) {}

    /** Queues an analysis of the current workspace's days. */
    public AnalysisJobs.Job start(AnalysisInput input) {
        Period period = AttributionResults.period(input.from(), input.to(), input.lookbackDays());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (period.to().isAfter(today)) {
            throw new InvalidRequestException(new FieldError("to", "is today at the latest"));
        }
        TenantId tenant = TenantContext.require();
        UUID id = ids.next();
        int days = (int) ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
        AnalysisJobs.Job job = transactions.inTransaction(() -> {
            jobs.add(id, period.from(), period.to(), period.lookbackDays(), days, clock.instant());
            return jobs.find(id).orElseThrow();
        });
        String key = tenant.value() + ":" + id;
        scheduler.getObject().scheduleIfNotExists(TASK.instance(key).data(key).scheduledTo(clock.instant()));
        log.info(
                "Attribution analysis {} of tenant {} queued: {} to {}",
                id,
                tenant.value(),
                period.from(),
                period.to());
        return job;
    }

    /** The workspace's campaigns by name (for the console's pickers). */
    public List<io.reach.campaigns.CampaignDirectory.CampaignName> campaigns() {
        return transactions.inTransaction(campaignDirectory::names);
    }

    public CampaignRules.Settings settings(UUID campaign) {
        return transactions.inTransaction(() -> rules.find(campaign));
    }

    public CampaignRules.Settings saveSettings(UUID campaign, CampaignRules.SettingsInput input) {
        return transactions.inTransaction(() -> rules.save(campaign, input));
    }

    public AnalysisJobs.Job job(UUID id) {
        return transactions.inTransaction(() -> jobs.find(id).orElseThrow(() -> new NotFoundException("Analysis", id)));
    }

    public List<AnalysisJobs.Job> recentJobs() {
        return transactions.inTransaction(() -> jobs.recent(20));
    }

    public List<CampaignDay> analytics(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID campaign) {
        Period period = AttributionResults.period(from, to, null);
        return transactions.inTransaction(() -> stored.analytics(period.from(), period.to(), campaign));
    }

    public List<StoredPath> paths(
            @Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID campaign, int limit) {
        Period period = AttributionResults.period(from, to, null);
        if (limit < 1 || limit > 10_000) {
            throw new InvalidRequestException(new FieldError("limit", "is 1 to 10000"));
        }
        return transactions.inTransaction(() -> stored.paths(period.from(), period.to(), campaign, limit));
    }

    void run(TenantId tenant, UUID id) {
        AnalysisJobs.Job job =
                transactions.inTransactionAs(tenant, () -> jobs.find(id)).orElse(null);
        if (job == null || job.status() == AnalysisStatus.SUCCEEDED) {
            return;
        }
        transactions.inTransactionAs(tenant, () -> jobs.started(id, clock.instant()));
        try {
            TenantContext.runAs(tenant, () -> analyse(job));
            transactions.inTransactionAs(tenant, () -> jobs.finished(id, null, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Attribution analysis {} of tenant {} failed", id, tenant.value(), e);
            transactions.inTransactionAs(tenant, () -> jobs.finished(id, e.getMessage(), clock.instant()));
        }
    }

    private void analyse(AnalysisJobs.Job job) {
        List<StoredModel> models =
                catalog.all().stream().filter(StoredModel::enabled).toList();
        long paths = 0;
        int done = 0;
        for (LocalDate day = job.firstDay(); !day.isAfter(job.lastDay()); day = day.plusDays(1)) {
            LocalDate current = day;
            Journeys.Built built = results.journeys(new Period(day, day, job.lookbackDays()), TouchPoint.CAMPAIGN);
            List<StoredPath> dayPaths = built.matched().stream().map(this::path).toList();
            List<CampaignDay> campaigns = campaignDays(current, built, models);
            transactions.inTransaction(() -> stored.replaceDay(current, dayPaths, campaigns, clock.instant()));
            paths += dayPaths.size();
            done++;
            long soFar = paths;
            int daysDone = done;
            transactions.inTransaction(() -> jobs.progress(job.id(), daysDone, soFar));
            log.info(
                    "Attribution analysis {}: {} analysed, {} paths ({} of {} days)",
                    job.id(),
                    current,
                    dayPaths.size(),
                    daysDone,
                    job.totalDays());
        }
    }

    private StoredPath path(Journeys.Matched matched) {
        List<Map<String, Object>> touchpoints = new ArrayList<>();
        UUID campaign = null;
        for (PeriodEvents.TouchRow touch : matched.touches()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("at", touch.at().toString());
            point.put("source", touch.source());
            if (touch.campaign() != null) {
                point.put("campaign_id", touch.campaign().toString());
                campaign = touch.campaign();
            }
            touchpoints.add(point);
        }
        if (matched.promoCode()) {
            touchpoints.add(Map.of("at", matched.conversion().at().toString(), "source", "promo_code"));
        }
        return new StoredPath(
                ids.next(),
                matched.conversion().id(),
                matched.conversion().at(),
                campaign,
                matched.key(),
                touchpoints,
                BigDecimal.valueOf(matched.conversion().value()).setScale(2, RoundingMode.HALF_EVEN));
    }

    private List<CampaignDay> campaignDays(LocalDate day, Journeys.Built built, List<StoredModel> models) {
        Map<UUID, BigDecimal> costs = transactions.inTransaction(() -> sponsorships.dailyCosts(day));
        Map<UUID, Map<String, Object>> byCampaign = new TreeMap<>();
        List<Journey> converting = built.journeys().subList(0, built.converting());
        for (StoredModel model : models) {
            Credits credits = ModelSettings.model(model.modelType(), model.configuration())
                    .credit(converting);
            credits.byPoint().forEach((point, credit) -> {
                UUID campaign = campaign(point);
                if (campaign != null) {
                    BigDecimal cost = costs.getOrDefault(campaign, BigDecimal.ZERO);
                    models(byCampaign, campaign, cost).put(model.name(), figures(credit, cost));
                }
            });
        }
        costs.forEach((campaign, cost) -> models(byCampaign, campaign, cost));
        return byCampaign.entrySet().stream()
                .map(e -> new CampaignDay(e.getKey(), day, e.getValue()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> models(
            Map<UUID, Map<String, Object>> byCampaign, UUID campaign, BigDecimal cost) {
        Map<String, Object> metrics = byCampaign.computeIfAbsent(campaign, c -> {
            Map<String, Object> fresh = new LinkedHashMap<>();
            fresh.put("cost", cost);
            fresh.put("models", new TreeMap<String, Object>());
            return fresh;
        });
        return (Map<String, Object>) java.util.Objects.requireNonNull(metrics.get("models"));
    }

    private static Map<String, @Nullable Object> figures(Credits.Credit credit, BigDecimal cost) {
        Map<String, @Nullable Object> figures = new LinkedHashMap<>();
        double conversions = Math.round(credit.conversions() * 1_000_000) / 1_000_000.0;
        BigDecimal revenue = BigDecimal.valueOf(credit.value()).setScale(2, RoundingMode.HALF_EVEN);
        figures.put("conversions", conversions);
        figures.put("revenue", revenue);
        figures.put(
                "cpa",
                conversions == 0 || cost.signum() == 0
                        ? null
                        : cost.divide(BigDecimal.valueOf(conversions), 2, RoundingMode.HALF_EVEN));
        figures.put("roas", cost.signum() == 0 ? null : revenue.divide(cost, 4, RoundingMode.HALF_EVEN));
        return figures;
    }

    private static @Nullable UUID campaign(String point) {
        try {
            return UUID.fromString(point);
        } catch (IllegalArgumentException notACampaign) {
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        OneTimeTask<String> attributionAnalysisTask(AttributionAnalysis analysis) {
            return Tasks.oneTime(TASK).execute((instance, context) -> {
                String[] parts = instance.getData().split(":");
                analysis.run(TenantId.of(UUID.fromString(parts[0])), UUID.fromString(parts[1]));
            });
        }
    }
}
