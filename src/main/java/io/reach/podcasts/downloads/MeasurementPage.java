package io.reach.podcasts.downloads;

import io.reach.platform.console.ConsoleLink;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.FormProblem;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.LargeBodies;
import io.reach.podcasts.counting.MeasurementJobs;
import io.reach.podcasts.counting.MeasurementJobsView;
import io.reach.podcasts.counting.PodcastMeasurement;
import io.reach.podcasts.counting.Recounts;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
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
 * The console's download measurement: how the workspace counts (window, spike rule, household
 * retention), its IP lists, the spikes found, log-file imports and recounts with their progress
 * (followed live while one runs).
 */
@Controller
@ConsolePage
@Hidden
class MeasurementPage {

    static final String PATH = "/app/podcast-measurement";

    private final PodcastMeasurement measurement;
    private final Recounts recounts;
    private final LogImports imports;
    private final MeasurementJobsView jobs;

    MeasurementPage(PodcastMeasurement measurement, Recounts recounts, LogImports imports, MeasurementJobsView jobs) {
        this.measurement = measurement;
        this.recounts = recounts;
        this.imports = imports;
        this.jobs = jobs;
    }

    @GetMapping(PATH)
    @RequiresPermission(resource = "podcasts", action = "read")
    String page(Model model) {
        return page(model, null, null);
    }

    @GetMapping(PATH + "/jobs")
    @RequiresPermission(resource = "podcasts", action = "read")
    String jobsCard(Model model) {
        model.addAttribute("jobs", jobs.recent());
        return "podcasts/measurement_jobs";
    }

    @PostMapping(PATH + "/settings")
    @RequiresPermission(resource = "podcasts", action = "write")
    String settings(
            @RequestParam(name = "counting_window", required = false) @Nullable String window,
            @RequestParam(name = "spike_requests_per_hour", required = false) @Nullable Integer spike,
            @RequestParam(name = "household_days", required = false) @Nullable Integer days,
            Model model,
            HttpServletResponse response) {
        return act(
                model,
                response,
                "Saved. Days counted from now on use these settings; recount earlier days to apply them.",
                () -> measurement.changeSettings(new PodcastMeasurement.SettingsInput(window, spike, days)));
    }

    @PostMapping(PATH + "/recounts")
    @RequiresPermission(resource = "podcasts", action = "write")
    String recount(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Model model,
            HttpServletResponse response) {
        return act(model, response, "The recount is queued; its progress is below.", () -> {
            if (from == null || to == null) {
                throw new InvalidRequestException(new FieldError("from", "give the first and last day"));
            }
            recounts.start(from, to);
        });
    }

    @PostMapping(PATH + "/ip-lists")
    @RequiresPermission(resource = "podcasts", action = "write")
    String createList(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(defaultValue = "") String networks,
            Model model,
            HttpServletResponse response) {
        return act(
                model,
                response,
                "The list was created; recount earlier days to apply it.",
                () -> measurement.createIpList(
                        new PodcastMeasurement.IpListInput(name, description, entries(networks))));
    }

    @PostMapping(PATH + "/ip-lists/{id}/delete")
    @RequiresPermission(resource = "podcasts", action = "write")
    String deleteList(@PathVariable UUID id, Model model, HttpServletResponse response) {
        return act(model, response, "The list was deleted.", () -> measurement.deleteIpList(id));
    }

    @PostMapping(PATH + "/anomalies/{id}/{decision}")
    @RequiresPermission(resource = "podcasts", action = "write")
    String decide(@PathVariable UUID id, @PathVariable String decision, Model model, HttpServletResponse response) {
        return act(
                model,
                response,
                "exclude".equals(decision)
                        ? "Excluded from its first hour on; recount the days since to apply it."
                        : "Dismissed: its requests keep counting.",
                () -> measurement.decide(id, "exclude".equals(decision)));
    }

    @PostMapping(path = PATH + "/log-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission(resource = "podcasts", action = "write")
    String importLog(
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String host,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response) {
        return act(model, response, "The log file is being imported; its progress is below.", () -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException(new FieldError("file", "choose a log file"));
            }
            try (InputStream in = file.getInputStream()) {
                imports.start(
                        format, host == null || host.isBlank() ? null : host.strip(), file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new InvalidRequestException(new FieldError("file", "could not be read"));
            }
        });
    }

    private String act(Model model, HttpServletResponse response, String done, Runnable action) {
        try {
            action.run();
            return page(model, done, null);
        } catch (ApiException refused) {
            return page(model, null, FormProblem.answer(refused, response));
        }
    }

    private String page(Model model, @Nullable String message, @Nullable String error) {
        List<MeasurementJobs.Job> recent = jobs.recent();
        model.addAttribute("settings", measurement.settings());
        model.addAttribute("lists", measurement.ipLists());
        model.addAttribute("anomalies", measurement.anomalies(null));
        model.addAttribute("jobs", recent);
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        return "podcasts/measurement";
    }

    /** One network a line, optionally followed by {@code #} and a note. */
    private static List<PodcastMeasurement.EntryInput> entries(String text) {
        List<PodcastMeasurement.EntryInput> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int hash = line.indexOf('#');
            String network = (hash < 0 ? line : line.substring(0, hash)).strip();
            String note = hash < 0 ? null : line.substring(hash + 1).strip();
            entries.add(new PodcastMeasurement.EntryInput(network, note == null || note.isEmpty() ? null : note));
        }
        return entries;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        ConsoleLink podcastMeasurementLink() {
            return new ConsoleLink("Podcasts", "Measurement", PATH, "podcasts", "read", 410);
        }

        @Bean
        LargeBodies consoleLogImportBodies() {
            return () -> Map.of(PATH + "/log-imports", (long) LogImports.MAX_BYTES + 64 * 1024);
        }
    }
}
