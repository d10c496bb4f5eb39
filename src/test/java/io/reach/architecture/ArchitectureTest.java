package io.reach.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.data.repository.Repository;

import io.reach.identity.ApiKeyPrincipal;
import io.reach.identity.UserPrincipal;
import io.reach.identity.signin.IdentityProblems;
import io.reach.identity.signin.PasswordPolicy;
import io.reach.identity.signin.RefreshTokens;
import io.reach.identity.signin.UserAccounts;
import io.reach.identity.signin.UserMetrics;
import io.reach.identity.signin.WorkspaceMemberships;
import io.reach.social.PlatformError;
import io.reach.social.Publication;

@AnalyzeClasses(packages = "io.reach", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule repositoriesAreNotPublic = classes()
            .that().areAnnotatedWith(org.springframework.stereotype.Repository.class)
            .or().areAssignableTo(Repository.class)
            .and().resideInAPackage("io.reach.*")
            .should().notBePublic()
            .because("a module's data access is its own business; other modules go through its API (a module's"
                    + " sub-packages are internal to it, ModularityTest keeps other modules out of them)");

    @ArchTest
    static final ArchRule modulesHaveNoCycles = slices().matching("io.reach.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule socialPlatformFoldersNeverImportEachOther = slices()
            .matching("io.reach.social.platform.(*)..").should().notDependOnEachOther()
            .because("a new platform is a new folder plus a catalog row; what two platforms share goes to"
                    + " io.reach.social.platform");

    @ArchTest
    static final ArchRule campaignChannelFoldersNeverUseEachOther = slices()
            .matching("io.reach.campaigns.(*)..").should().notDependOnEachOther()
            .because("e-mail and SMS are two channels of the same sending; what both need (message campaigns,"
                    + " recipients, the queue and dispatcher, suppression lists) lives in the campaigns module root");

    @ArchTest
    static final ArchRule socialPlatformAdaptersSeeOnlyTheValuesTheySpeakFromTheModuleRoot = noClasses()
            .that().resideInAPackage("io.reach.social.platform..")
            .should().dependOnClassesThat(resideInAPackage("io.reach.social")
                    .and(not(belongToAnyOf(PlatformError.class, Publication.class))))
            .because("adapters speak the SPI and the module's published values (what to publish, how it failed);"
                    + " accounts, analytics and the catalog stay in the module root and call the adapters, not the"
                    + " other way round");

    @ArchTest
    static final ArchRule identityAccessKnowsPeopleOnlyThroughThePublishedPrincipals = noClasses()
            .that().resideInAPackage("io.reach.identity.access..")
            .should().dependOnClassesThat(resideInAPackage("io.reach.identity")
                    .and(not(belongToAnyOf(UserPrincipal.class, ApiKeyPrincipal.class))))
            .because("roles, scopes, delegation and access policies are what people may do; sign-in, sign-up,"
                    + " invitations, API keys and the controllers in the module root use them, not the other way round");

    @ArchTest
    static final ArchRule identityAccessNeverUsesSignIn = noClasses()
            .that().resideInAPackage("io.reach.identity.access..")
            .should().dependOnClassesThat().resideInAPackage("io.reach.identity.signin..")
            .because("what people may do does not depend on how they proved who they are");

    @ArchTest
    static final ArchRule identityRootUsesSignInOnlyThroughItsPortsAndPasswordRules = noClasses()
            .that().resideInAPackage("io.reach.identity")
            .should().dependOnClassesThat(resideInAPackage("io.reach.identity.signin..")
                    .and(not(belongToAnyOf(UserAccounts.class, WorkspaceMemberships.class, UserMetrics.class,
                            PasswordPolicy.class, RefreshTokens.class, IdentityProblems.class))))
            .because("sign-in uses people, memberships and invitations from the module root; the root needs from"
                    + " sign-in only the ports its repositories answer, the password policy (invitations, the"
                    + " platform admin), ending sessions (Clerk sync) and the shared token problems");

    @ArchTest
    static final ArchRule measurementIngestionNeverReachesIntoTheModuleRoot = noClasses()
            .that().resideInAPackage("io.reach.measurement.ingest..")
            .should().dependOnClassesThat().resideInAPackage("io.reach.measurement")
            .because("the ingestion path (collector, checks, enrichment, writer) knows the sites only through the"
                    + " IngestSites port the root answers; it never reads analytics, rollups or the sites' tables");

    @ArchTest
    static final ArchRule publishingAutomationsNeverReachIntoPostsAndPublishJobs = noClasses()
            .that().resideInAPackage("io.reach.publishing.automation..")
            .should().dependOnClassesThat().resideInAPackage("io.reach.publishing")
            .because("automations react to inbound platform events; posts, their workflow and the publish jobs in the"
                    + " module root may file events for them, never the other way round");

    @ArchTest
    static final ArchRule timeComesFromTheInjectedClock = noClasses()
            .that().resideOutsideOfPackage("io.reach.platform.database.embedded..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("business code reads time from the injected Clock, so tests can control it");

    @ArchTest
    static final ArchRule noJpa = noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
            .because("Reach is SQL-first: Spring Data JDBC and JdbcClient");
}
