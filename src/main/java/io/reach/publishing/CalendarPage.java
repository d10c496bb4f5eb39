package io.reach.publishing;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.BadRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's content calendar: a month, week or day of the workspace's posts in its time zone. */
@Controller
@ConsolePage
@Hidden
class CalendarPage {

    private final PublishingCalendar calendar;

    CalendarPage(PublishingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/app/publishing/calendar")
    @RequiresPermission(resource = "posts", action = "read")
    String calendar(
            @RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(name = "drafts", required = false) @Nullable String draftsCursor,
            Model model) {
        PublishingCalendar.Calendar shown = calendar.of(viewOf(view), dateOf(date));
        var drafts = calendar.drafts(draftsCursor);
        model.addAttribute("calendar", shown);
        model.addAttribute("drafts", drafts.items());
        model.addAttribute(
                "moreDrafts",
                drafts.nextCursor() == null
                        ? null
                        : "/app/publishing/calendar?view=" + shown.view().code() + "&date=" + shown.date() + "&drafts="
                                + drafts.nextCursor());
        model.addAttribute("today", calendar.today());
        return "publishing/calendar";
    }

    private static PublishingCalendar.View viewOf(@Nullable String view) {
        if (view == null || view.isBlank()) {
            return PublishingCalendar.View.MONTH;
        }
        try {
            return PublishingCalendar.View.valueOf(view.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Invalid view", "view must be month, week or day");
        }
    }

    private LocalDate dateOf(@Nullable String date) {
        if (date == null || date.isBlank()) {
            return calendar.today();
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Invalid date", "date must be a day such as 2026-12-04");
        }
    }
}
