package io.reach.platform.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the layout draws around every console page.
 *
 * @param person the signed-in person's e-mail address; null on the sign-in pages
 * @param workspaces the person's workspaces for the switcher, the current one marked
 * @param navigation the links this person may follow, grouped by section
 * @param csrf the token every form and htmx request sends
 */
public record Shell(@Nullable String person, List<Workspace> workspaces, List<Section> navigation, CsrfToken csrf) {

    /** A workspace the person belongs to. */
    public record Workspace(UUID id, String name, boolean current) {}

    /** A group of navigation links. */
    public record Section(String name, List<Link> links) {}

    /** A navigation link; {@code current} when the page shown is under it. */
    public record Link(String label, String path, boolean current) {}

    /** The shell of a page nobody is signed in to. */
    public static Shell anonymous(CsrfToken csrf) {
        return new Shell(null, List.of(), List.of(), csrf);
    }

    public boolean signedIn() {
        return person != null;
    }

    /** The current workspace's name; empty when signed out. */
    public String workspace() {
        return workspaces.stream()
                .filter(Workspace::current)
                .map(Workspace::name)
                .findFirst()
                .orElse("");
    }

    /** Groups allowed links by section, sections in the order of their first link, marking the one for {@code path}. */
    public static List<Section> navigation(List<ConsoleLink> allowed, String path) {
        List<ConsoleLink> ordered = new ArrayList<>(allowed);
        ordered.sort(java.util.Comparator.comparingInt(ConsoleLink::order));
        String current = ordered.stream()
                .map(ConsoleLink::path)
                .filter(link -> path.equals(link) || path.startsWith(link + "/"))
                .max(java.util.Comparator.comparingInt(String::length))
                .orElse("");
        Map<String, List<Link>> sections = new LinkedHashMap<>();
        for (ConsoleLink link : ordered) {
            sections.computeIfAbsent(link.section(), name -> new ArrayList<>())
                    .add(new Link(link.label(), link.path(), link.path().equals(current)));
        }
        return sections.entrySet().stream()
                .map(section -> new Section(section.getKey(), List.copyOf(section.getValue())))
                .toList();
    }
}
