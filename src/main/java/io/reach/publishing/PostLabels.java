package io.reach.publishing;

/** How the console names a post's status, and the CSS class that colours it. */
final class PostLabels {

    private PostLabels() {}

    static String of(PostStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case SUBMITTED -> "Awaiting approval";
            case APPROVED -> "Approved";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    static String cssClass(PostStatus status) {
        return "status status-" + status.code();
    }

    /** A post's name in lists: its title, else the words it starts with. */
    static String titleOf(Post post) {
        return post.title() == null || post.title().isBlank() ? "Untitled post" : post.title();
    }
}
