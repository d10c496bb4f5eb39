package io.reach.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.reach.campaigns.CampaignDirectory;
import io.reach.campaigns.CampaignNotFound;
import io.reach.campaigns.CampaignProperties;
import io.reach.campaigns.CampaignsForAnalytics;
import io.reach.campaigns.CampaignsForSending;
import io.reach.campaigns.MessageCampaigns;
import io.reach.campaigns.Sql;
import io.reach.identity.Actor;
import io.reach.identity.ApiKeyPrincipal;
import io.reach.identity.MemberStandings;
import io.reach.identity.RequestOrigins;
import io.reach.identity.SignedInMember;
import io.reach.identity.TokenDigests;
import io.reach.identity.UserPrincipal;
import io.reach.identity.signin.IdentityProblems;
import io.reach.identity.signin.PasswordPolicy;
import io.reach.identity.signin.RefreshTokens;
import io.reach.identity.signin.UserAccounts;
import io.reach.identity.signin.UserMetrics;
import io.reach.identity.signin.WorkspaceMemberships;
import io.reach.platform.web.Codes;
import io.reach.social.PlatformError;
import io.reach.social.Publication;
import org.springframework.data.repository.Repository;

@AnalyzeClasses(packages = "io.reach", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule repositoriesAreNotPublic = classes()
            .that()
            .areAnnotatedWith(org.springframework.stereotype.Repository.class)
            .or()
            .areAssignableTo(Repository.class)
            .and()
            .resideInAPackage("io.reach.*")
            .should()
            .notBePublic()
            .because("a module's data access is its own business; other modules go through its API (a module's"
                    + " sub-packages are internal to it, ModularityTest keeps other modules out of them)");

    @ArchTest
    static final ArchRule modulesHaveNoCycles =
            slices().matching("io.reach.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule socialPlatformFoldersNeverImportEachOther = slices().matching(
                    "io.reach.social.platform.(*)..")
            .should()
            .notDependOnEachOther()
            .because("a new platform is a new folder plus a catalog row; what two platforms share goes to"
                    + " io.reach.social.platform");

    @ArchTest
    static final ArchRule campaignEmailNeverUsesSms = noClasses()
            .that()
            .resideInAPackage("io.reach.campaigns.email..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.reach.campaigns.sms..")
            .because("e-mail and SMS are two channels of the same sending; what both need (recipients, the queue"
                    + " and dispatcher, the carrier SPI, the send states) lives in io.reach.campaigns.sending,"
                    + " templates and suppression lists in io.reach.campaigns.templates and"
                    + " io.reach.campaigns.suppression");

    @ArchTest
    static final ArchRule otherModulesAskCampaignsOnlyThroughItsDirectory = noClasses()
            .that()
            .resideOutsideOfPackage("io.reach.campaigns..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("io.reach.campaigns..").and(not(belongToAnyOf(CampaignDirectory.class))))
            .because("the campaigns root is public for its own folders (MessageSources, CampaignsForSending;"
                    + " sending, the channels, templates and suppression use it); other modules ask CampaignDirectory");

    @ArchTest
    static final ArchRule campaignSmsNeverUsesEmail = noClasses()
            .that()
            .resideInAPackage("io.reach.campaigns.sms..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.reach.campaigns.email..")
            .because("e-mail and SMS are two channels of the same sending; what both need lives in"
                    + " io.reach.campaigns.sending, io.reach.campaigns.templates and io.reach.campaigns.suppression");

    @ArchTest
    static final ArchRule campaignSendingNeverUsesAChannel = noClasses()
            .that()
            .resideInAPackage("io.reach.campaigns.sending..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.reach.campaigns.email..", "io.reach.campaigns.sms..")
            .because("the queue and dispatcher run any channel through the Carrier SPI the channels implement;"
                    + " they never name one");

    @ArchTest
    static final ArchRule campaignSendingUsesFromTheRootOnlyItsPort = noClasses()
            .that()
            .resideInAPackage("io.reach.campaigns.sending..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.reach.campaigns")
                    .and(not(belongToAnyOf(
                            CampaignsForSending.class,
                            CampaignNotFound.class,
                            CampaignProperties.class,
                            Codes.class,
                            Sql.class))))
            .because("sending knows the campaigns, their budgets and participants only through CampaignsForSending;"
                    + " the root's repositories stay package-private");

    @ArchTest
    static final ArchRule campaignRootUsesTheChannelsOnlyToMakeMessageCampaigns = noClasses()
            .that()
            .resideInAPackage("io.reach.campaigns")
            .and()
            .doNotBelongToAnyOf(MessageCampaigns.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.reach.campaigns.email..", "io.reach.campaigns.sms..")
            .because("only MessageCampaigns, the one service that makes e-mail and SMS campaigns with the same rules,"
                    + " stores into the channels' tables; the rest of the root does not know the channels");

    @ArchTest
    static final ArchRule campaignAnalyticsUsesFromTheRootOnlyItsPort = noClasses()
            .that()
            .resideInAPackage("io.reach.campaigns.analytics..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.reach.campaigns")
                    .and(not(belongToAnyOf(CampaignsForAnalytics.class, Codes.class, Sql.class))))
            .because("performance reads the send rows itself and asks the root only for a campaign's name and"
                    + " status, through CampaignsForAnalytics");

    @ArchTest
    static final ArchRule campaignAnalyticsIsUsedByNothingElseInTheModule = noClasses()
            .that()
            .resideInAPackage("io.reach.campaigns..")
            .and()
            .resideOutsideOfPackage("io.reach.campaigns.analytics..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.reach.campaigns.analytics..")
            .because("campaign performance is a read-only view over the module; nothing in the module depends on it");

    @ArchTest
    static final ArchRule socialPlatformAdaptersSeeOnlyTheValuesTheySpeakFromTheModuleRoot = noClasses()
            .that()
            .resideInAPackage("io.reach.social.platform..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("io.reach.social").and(not(belongToAnyOf(PlatformError.class, Publication.class))))
            .because("adapters speak the SPI and the module's published values (what to publish, how it failed);"
                    + " accounts, analytics and the catalog stay in the module root and call the adapters, not the"
                    + " other way round");

    @ArchTest
    static final ArchRule identityAccessKnowsPeopleOnlyThroughThePublishedPrincipals = noClasses()
            .that()
            .resideInAPackage("io.reach.identity.access..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.reach.identity")
                    .and(not(belongToAnyOf(UserPrincipal.class, ApiKeyPrincipal.class))))
            .because(
                    "roles, scopes, delegation and access policies are what people may do; sign-in, sign-up,"
                            + " invitations, API keys and the controllers in the module root use them, not the other way round");

    @ArchTest
    static final ArchRule identityAccessNeverUsesSignIn = noClasses()
            .that()
            .resideInAPackage("io.reach.identity.access..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.reach.identity.signin..")
            .because("what people may do does not depend on how they proved who they are");

    @ArchTest
    static final ArchRule identityRootUsesSignInOnlyThroughItsPortsAndPasswordRules = noClasses()
            .that()
            .resideInAPackage("io.reach.identity")
            .should()
            .dependOnClassesThat(resideInAPackage("io.reach.identity.signin..")
                    .and(not(belongToAnyOf(
                            UserAccounts.class,
                            WorkspaceMemberships.class,
                            UserMetrics.class,
                            PasswordPolicy.class,
                            RefreshTokens.class,
                            IdentityProblems.class))))
            .because("sign-in uses people, memberships and invitations from the module root; the root needs from"
                    + " sign-in only the ports its repositories answer, the password policy (invitations, the"
                    + " platform admin), ending sessions (the platform admin) and the shared token problems");

    @ArchTest
    static final ArchRule identityClerkIsUsedByNothingElseInTheModule = noClasses()
            .that()
            .resideInAnyPackage("io.reach.identity", "io.reach.identity.access..", "io.reach.identity.signin..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.reach.identity.clerk..")
            .because("the Clerk sync is an adapter for one external identity provider's webhooks; people, access"
                    + " control and sign-in work the same without it");

    @ArchTest
    static final ArchRule identityClerkUsesFromTheModuleOnlyWhatItNeeds = noClasses()
            .that()
            .resideInAPackage("io.reach.identity.clerk..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(
                            "io.reach.identity",
                            "io.reach.identity.access..",
                            "io.reach.identity.signin..",
                            "io.reach.identity.apikeys..")
                    .and(not(belongToAnyOf(MemberStandings.class, RequestOrigins.class, RefreshTokens.class))))
            .because("the Clerk sync writes the users it is told about itself; from the rest of the module it needs"
                    + " only to forget a changed user's cached standings, the request origin for the audit trail and"
                    + " ending the sessions of a user Clerk deleted");

    @ArchTest
    static final ArchRule identityApiKeysAreUsedByNothingElseInTheModule = noClasses()
            .that()
            .resideInAnyPackage(
                    "io.reach.identity",
                    "io.reach.identity.access..",
                    "io.reach.identity.signin..",
                    "io.reach.identity.clerk..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.reach.identity.apikeys..")
            .because("API keys are one kind of credential: the rest of the module decides what a key may do from the"
                    + " published ApiKeyPrincipal alone");

    @ArchTest
    static final ArchRule identityApiKeysUseFromTheModuleRootOnlyThePublishedTypes = noClasses()
            .that()
            .resideInAPackage("io.reach.identity.apikeys..")
            .should()
            .dependOnClassesThat(
                    resideInAnyPackage("io.reach.identity", "io.reach.identity.signin..", "io.reach.identity.clerk..")
                            .and(not(belongToAnyOf(
                                    UserPrincipal.class,
                                    ApiKeyPrincipal.class,
                                    Actor.class,
                                    SignedInMember.class,
                                    RequestOrigins.class,
                                    TokenDigests.class))))
            .because("creating, listing, revoking and accepting keys needs from the root only the principals, the"
                    + " actor for the audit trail, the request origin and the token digests; scopes and delegation"
                    + " come from identity.access");

    @ArchTest
    static final ArchRule measurementIngestionNeverReachesIntoTheModuleRoot = noClasses()
            .that()
            .resideInAPackage("io.reach.measurement.ingest..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.reach.measurement", "io.reach.measurement.rollup..")
            .because("the ingestion path (collector, checks, enrichment, writer) knows the sites only through the"
                    + " IngestSites port the root answers; it never reads analytics, rollups or the sites' tables");

    @ArchTest
    static final ArchRule measurementRollupsNeverReachIntoTheModuleRootOrTheIngestionPath = noClasses()
            .that()
            .resideInAPackage("io.reach.measurement.rollup..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.reach.measurement", "io.reach.measurement.ingest..")
            .because("rollups recount the hours the writers marked and know the sites only through the RollupSites"
                    + " port the root answers; the dashboards in the root read them, never the other way round");

    @ArchTest
    static final ArchRule publishingAutomationsNeverReachIntoPostsAndPublishJobs = noClasses()
            .that()
            .resideInAPackage("io.reach.publishing.automation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.reach.publishing")
            .because("automations react to inbound platform events; posts, their workflow and the publish jobs in the"
                    + " module root may file events for them, never the other way round");

    @ArchTest
    static final ArchRule timeComesFromTheInjectedClock = noClasses()
            .that()
            .resideOutsideOfPackage("io.reach.platform.database.embedded..")
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.OffsetDateTime.class, "now")
            .orShould()
            .callMethod(java.time.LocalDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .because("business code reads time from the injected Clock, so tests can control it");

    @ArchTest
    static final ArchRule noJpa = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.persistence..")
            .because("Reach is SQL-first: Spring Data JDBC and JdbcClient");
}
