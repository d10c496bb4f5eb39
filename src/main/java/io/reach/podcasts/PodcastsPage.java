package io.reach.podcasts;

import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.LargeBodies;
import io.reach.platform.web.PageRequest;
import io.reach.podcasts.downloads.PrefixRedirect;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's podcasts: the workspace's shows with a form importing one from its feed document,
 * and a show's page with its episodes. The same {@link PodcastCatalog} and {@link FeedReader} as the API.
 */
@Controller
@ConsolePage
@Hidden
public class PodcastsPage {

    private static final String PODCASTS = "/app/podcasts";

    private final PodcastCatalog catalog;
    private final PrefixRedirect prefixes;
    private final PublicUrl publicUrl;

    PodcastsPage(PodcastCatalog catalog, PrefixRedirect prefixes, PublicUrl publicUrl) {
        this.catalog = catalog;
        this.prefixes = prefixes;
        this.publicUrl = publicUrl;
    }

    @GetMapping(PODCASTS)
    @RequiresPermission(resource = "podcasts", action = "read")
    String podcasts(@RequestParam(required = false) @Nullable String cursor, Model model) {
        return overview(model, cursor, null);
    }

    @PostMapping(path = PODCASTS + "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission(resource = "podcasts", action = "write")
    String importFeed(
            @RequestParam(name = "rss_feed_url", defaultValue = "") String feedUrl,
            @RequestParam(name = "feed", required = false) @Nullable MultipartFile feed,
            Model model,
            HttpServletResponse response)
            throws IOException {
        try {
            List<FieldError> errors = new ArrayList<>();
            String url = Texts.web(feedUrl, "rss_feed_url", errors);
            if (url == null || !errors.isEmpty() || feed == null || feed.isEmpty()) {
                throw new InvalidRequestException(
                        new FieldError("feed", "give the feed's http(s) address and its document (the RSS file)"));
            }
            try (InputStream xml = feed.getInputStream()) {
                PodcastCatalog.Imported imported = catalog.importFeed(url, FeedReader.read(xml, url));
                return "redirect:" + PODCASTS + "/" + imported.podcast().id();
            }
        } catch (ApiException refused) {
            return overview(model, null, FormProblem.answer(refused, response));
        }
    }

    @GetMapping(PODCASTS + "/{id}")
    @RequiresPermission(resource = "podcasts", action = "read")
    String podcast(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("prefix", null);
        return show(id, cursor, model);
    }

    @PostMapping(PODCASTS + "/{id}/prefix")
    @RequiresPermission(resource = "podcasts", action = "write")
    String prefix(@PathVariable UUID id, Model model) {
        model.addAttribute("prefix", publicUrl.base() + "/e/" + prefixes.keyFor(id) + "/");
        return show(id, null, model);
    }

    private String show(UUID id, @Nullable String cursor, Model model) {
        Podcast podcast = catalog.find(id);
        CursorPage<Episode> episodes = catalog.episodes(id, PageRequest.of(50, cursor));
        model.addAttribute("podcast", podcast);
        model.addAttribute("episodes", episodes);
        model.addAttribute(
                "nextLink",
                episodes.nextCursor() == null ? null : PODCASTS + "/" + id + "?cursor=" + episodes.nextCursor());
        return "podcasts/podcast";
    }

    private String overview(Model model, @Nullable String cursor, @Nullable String error) {
        CursorPage<Podcast> page = catalog.page(PageRequest.of(100, cursor));
        model.addAttribute("podcasts", page);
        model.addAttribute("nextLink", page.nextCursor() == null ? null : PODCASTS + "?cursor=" + page.nextCursor());
        model.addAttribute("error", error);
        return "podcasts/podcasts";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink podcastsLink() {
            return new ConsoleLink("Podcasts", "Shows", PODCASTS, "podcasts", "read", 400);
        }

        @Bean
        LargeBodies consoleFeedBodies() {
            return () -> Map.of(PODCASTS + "/import", 32L * 1024 * 1024);
        }
    }
}
