package io.reach.podcasts.transcripts;

import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.Codes;
import io.reach.platform.web.NotFoundException;
import io.reach.podcasts.PodcastCatalog;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Transcripts in the console: search across the workspace's episodes; an episode's transcript, uploaded or imported. */
@Controller
@ConsolePage
@Hidden
class TranscriptsPage {

    static final String PATH = "/app/transcripts";

    private final TranscriptLibrary library;
    private final PodcastCatalog catalog;

    TranscriptsPage(TranscriptLibrary library, PodcastCatalog catalog) {
        this.library = library;
        this.catalog = catalog;
    }

    @GetMapping(PATH)
    @RequiresPermission(resource = "podcasts", action = "read")
    String search(@RequestParam(required = false) @Nullable String q, Model model, HttpServletResponse response) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("hits", List.of());
        model.addAttribute("error", null);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("hits", library.search(q, null, 50));
            } catch (ApiException refused) {
                model.addAttribute("error", FormProblem.answer(refused, response));
            }
        }
        return "podcasts/transcripts";
    }

    @GetMapping("/app/episodes/{id}/transcript")
    @RequiresPermission(resource = "podcasts", action = "read")
    String transcript(@PathVariable UUID id, Model model) {
        return page(model, id, null, null);
    }

    @PostMapping("/app/episodes/{id}/transcript")
    @RequiresPermission(resource = "podcasts", action = "write")
    String upload(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String transcript,
            @RequestParam(defaultValue = "webvtt") String format,
            @RequestParam(required = false) @Nullable String language,
            Model model,
            HttpServletResponse response) {
        try {
            TranscriptFormat chosen = Codes.of(TranscriptFormat.class, format, "format");
            library.upload(
                    id,
                    chosen.mediaType(),
                    transcript.getBytes(StandardCharsets.UTF_8),
                    language == null || language.isBlank() ? null : language.strip(),
                    null);
            return page(model, id, "The transcript was stored.", null);
        } catch (ApiException refused) {
            return page(model, id, null, FormProblem.answer(refused, response));
        }
    }

    @PostMapping("/app/episodes/{id}/transcript/import")
    @RequiresPermission(resource = "podcasts", action = "write")
    String importFromFeed(@PathVariable UUID id, Model model, HttpServletResponse response) {
        try {
            library.importFromFeed(id);
            return page(model, id, "The feed's transcript was fetched and stored.", null);
        } catch (ApiException refused) {
            return page(model, id, null, FormProblem.answer(refused, response));
        }
    }

    private String page(Model model, UUID id, @Nullable String message, @Nullable String error) {
        PodcastCatalog.EpisodeView episode = catalog.episode(id);
        TranscriptLibrary.TranscriptView transcript;
        try {
            transcript = library.read(id, 0, 300);
        } catch (NotFoundException none) {
            transcript = null;
        }
        model.addAttribute("episode", episode.episode());
        model.addAttribute("transcript", transcript);
        model.addAttribute("formats", List.of(TranscriptFormat.values()));
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        return "podcasts/transcript";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink transcriptsLink() {
            return new ConsoleLink("Podcasts", "Transcripts", PATH, "podcasts", "read", 425);
        }
    }
}
