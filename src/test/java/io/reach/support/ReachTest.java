package io.reach.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against the test JVM's one embedded PostgreSQL.
 * Every test class shares this one context; tests make their own tenants, so they need no cleanup.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({
    TestTenantPrincipals.class,
    Api.class,
    TenantMother.class,
    OwnerDatabase.class,
    Accounts.class,
    Fixtures.class,
    SocialFlows.class
})
public @interface ReachTest {}
