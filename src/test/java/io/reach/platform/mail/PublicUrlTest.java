package io.reach.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.platform.web.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Issue 14.8: links follow the server's port, and links to localhost are refused once mail leaves the machine. */
class PublicUrlTest {

    @Test
    void withoutAConfiguredUrlLinksFollowThePortTheServerListensOn() {
        var environment =
                new MockEnvironment().withProperty("server.port", "0").withProperty("local.server.port", "9137");

        assertThat(new PublicUrl(environment).base()).isEqualTo("http://localhost:9137");
        assertThat(new PublicUrl(new MockEnvironment().withProperty("server.port", "8081")).base())
                .isEqualTo("http://localhost:8081");
        assertThat(new PublicUrl(environment.withProperty("reach.identity.public-url", "https://reach.example.com/"))
                        .base())
                .isEqualTo("https://reach.example.com");
    }

    @Test
    void localhostLinksWithARemoteMailServerAreRefused() {
        var environment = new MockEnvironment()
                .withProperty("local.server.port", "8080")
                .withProperty("spring.mail.host", "smtp.example.com");
        PublicUrl url = new PublicUrl(environment);

        assertThat(url.linksUnreachableFromMail()).isTrue();
        assertThatThrownBy(url::requireReachableFromMail)
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("reach.identity.public-url");
    }

    @Test
    void localhostLinksAreFineWithoutSmtpOrWithALocalMailCatcherOrAPublicUrl() {
        assertThat(new PublicUrl(new MockEnvironment()).linksUnreachableFromMail())
                .isFalse();
        assertThat(new PublicUrl(new MockEnvironment().withProperty("spring.mail.host", "127.0.0.1"))
                        .linksUnreachableFromMail())
                .isFalse();
        assertThat(new PublicUrl(new MockEnvironment()
                                .withProperty("spring.mail.host", "smtp.example.com")
                                .withProperty("reach.identity.public-url", "https://reach.example.com"))
                        .linksUnreachableFromMail())
                .isFalse();
        assertThat(new PublicUrl(new MockEnvironment()
                                .withProperty("spring.mail.host", "smtp.example.com")
                                .withProperty("reach.identity.public-url", "http://[::1]:8080"))
                        .linksUnreachableFromMail())
                .isTrue();
    }
}
