package io.reach.platform.console;

/**
 * One entry of the console's navigation, contributed by the module that owns the page as a bean.
 * Shown only to people the permission {@code resource:action} allows (the same decision the page
 * itself asks), in {@code section}, ordered by {@code order}.
 *
 * @param section the group it is shown in, e.g. "Analytics", "Publishing", "Settings"
 * @param label the link's words
 * @param path where it leads, e.g. {@code /app/site-keys}
 * @param resource the permission's resource, e.g. {@code analytics}
 * @param action the permission's action, e.g. {@code read}
 * @param order smaller first, across sections (a section is placed by its first link)
 */
public record ConsoleLink(String section, String label, String path, String resource, String action, int order) {

    /** Platform administration: shown only to platform admins, whatever their workspace role. */
    public static final String PLATFORM = "platform";

    public static ConsoleLink platformAdmin(String label, String path, int order) {
        return new ConsoleLink("Platform", label, path, PLATFORM, "admin", order);
    }
}
