package io.reach.publishing;

import io.reach.social.SocialChannel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Media given as web addresses, one per line (the composer's way): each is a video when its file
 * ends like one ({@code .mp4}, {@code .mov}, …), otherwise an image, its format the file's ending.
 */
record MediaUrls(List<SocialChannel.Media> media, JsonNode refs) {

    private static final Set<String> VIDEO = Set.of("mp4", "mov", "m4v", "webm", "avi", "mkv");

    /** The addresses in {@code lines}; throws {@link IllegalArgumentException} naming the first bad line. */
    static MediaUrls of(String lines) {
        List<SocialChannel.Media> media = new ArrayList<>();
        ArrayNode refs = JsonNodeFactory.instance.arrayNode();
        for (String line : lines.split("\\R")) {
            String url = line.strip();
            if (url.isEmpty()) {
                continue;
            }
            if (!isWebAddress(url)) {
                throw new IllegalArgumentException(url + " is not a web address (https://…, up to 2048 characters)");
            }
            String format = formatOf(url);
            String type = format != null && VIDEO.contains(format) ? "video" : "image";
            media.add(new SocialChannel.Media(type, format, null));
            var ref = refs.addObject().put("type", type).put("url", url);
            if (format != null) {
                ref.put("format", format);
            }
        }
        return new MediaUrls(List.copyOf(media), refs);
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return url.length() <= 2048
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static @Nullable String formatOf(String url) {
        String path = URI.create(url).getPath();
        if (path == null) {
            return null;
        }
        int dot = path.lastIndexOf('.');
        String ending = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ending.matches("[a-z0-9]{1,10}") ? ending : null;
    }
}
