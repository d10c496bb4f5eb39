package io.reach.podcasts.matching;

import io.reach.campaigns.CampaignDirectory;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.podcasts.PodcastCatalog;
import io.reach.podcasts.matching.Matches.Match;
import io.reach.podcasts.matching.Profiles.PodcastProfile;
import io.reach.podcasts.matching.Profiles.SponsorProfile;
import io.reach.podcasts.sponsorship.Sponsors.Sponsor;
import io.reach.podcasts.sponsorship.SponsorshipDesk;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Ranks the workspace's podcasts for a sponsor (optionally for one of its campaigns), or its
 * sponsors for a podcast, and stores each pair's score, signals and rationale.
 */
@Service
public class Matchmaker {

    private final TenantTransactions transactions;
    private final MatchProfiles profiles;
    private final Matches matches;
    private final SponsorshipDesk sponsorship;
    private final PodcastCatalog catalog;
    private final CampaignDirectory campaigns;
    private final Ids ids;
    private final Clock clock;

    Matchmaker(
            TenantTransactions transactions,
            MatchProfiles profiles,
            Matches matches,
            SponsorshipDesk sponsorship,
            PodcastCatalog catalog,
            CampaignDirectory campaigns,
            Ids ids,
            Clock clock) {
        this.transactions = transactions;
        this.profiles = profiles;
        this.matches = matches;
        this.sponsorship = sponsorship;
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.ids = ids;
        this.clock = clock;
    }

    /** Scores every podcast of the workspace for the sponsor, stores the scores and returns them best first. */
    public List<Match> matchPodcasts(UUID sponsorId, @Nullable UUID campaignId) {
        Sponsor sponsor = sponsorship.sponsor(sponsorId);
        checkCampaign(campaignId);
        SponsorProfile wants = profiles.sponsor(sponsor);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            for (PodcastProfile podcast : profiles.podcasts(null, wants.excluded(), today(now))) {
                matches.save(ids.next(), sponsorId, campaignId, podcast.id(), MatchScoring.fit(wants, podcast), now);
            }
            return matches.forSponsor(sponsorId, campaignId);
        });
    }

    public List<Match> storedForSponsor(UUID sponsorId, @Nullable UUID campaignId) {
        sponsorship.sponsor(sponsorId);
        return transactions.inTransaction(() -> matches.forSponsor(sponsorId, campaignId));
    }

    /** Scores every sponsor of the workspace for the podcast, stores the scores and returns them best first. */
    public List<Match> matchSponsors(UUID podcastId) {
        catalog.find(podcastId);
        List<SponsorProfile> sponsors =
                sponsorship.sponsors().stream().map(profiles::sponsor).toList();
        List<String> excluded = sponsors.stream()
                .flatMap(s -> s.excluded().stream())
                .distinct()
                .sorted()
                .toList();
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            List<PodcastProfile> podcast = profiles.podcasts(podcastId, excluded, today(now));
            for (SponsorProfile sponsor : sponsors) {
                for (PodcastProfile profile : podcast) {
                    matches.save(ids.next(), sponsor.id(), null, profile.id(), MatchScoring.fit(sponsor, profile), now);
                }
            }
            return matches.forPodcast(podcastId);
        });
    }

    private void checkCampaign(@Nullable UUID campaignId) {
        if (campaignId != null && !transactions.inTransaction(() -> campaigns.exists(campaignId))) {
            throw new InvalidRequestException(new FieldError("campaign_id", "is not a campaign of this workspace"));
        }
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
