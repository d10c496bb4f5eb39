package io.reach.podcasts;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;

/**
 * Reads a podcast's RSS feed: the channel and its items with their iTunes tags (Rome's module) and
 * the Podcasting 2.0 tags Rome does not know ({@code podcast:guid}, {@code podcast:transcript},
 * {@code podcast:chapters}, {@code podcast:person}, {@code podcast:season}, {@code podcast:episode}),
 * read from the feed's foreign markup under either of the namespace's two addresses. DOCTYPE
 * declarations are refused (Rome's default since 1.5.1: no XXE, no entity expansion); an item
 * without {@code <guid>} gets a stable id from its enclosure address (else its title and date), never
 * its link. A feed that is not one is a 400.
 */
final class FeedReader {

    static final List<String> PODCAST_NAMESPACES = List.of(
            "https://podcastindex.org/namespace/1.0",
            "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md");

    private FeedReader() {}

    /** A feed's channel. */
    record Feed(
            String name,
            @Nullable String description,
            @Nullable String websiteUrl,
            @Nullable String category,
            @Nullable String language,
            @Nullable String artworkUrl,
            @Nullable String ownerName,
            @Nullable String ownerEmail,
            boolean explicit,
            UUID guid,
            List<EpisodeDetails> items) {}

    static Feed read(InputStream xml, String feedUrl) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setPreserveWireFeed(true);
            feed = input.build(new InputSource(xml));
        } catch (FeedException | IllegalArgumentException notAFeed) {
            throw new InvalidRequestException(
                    new FieldError("rss_feed_url", "is not an RSS or Atom feed (" + notAFeed.getMessage() + ")"));
        }
        FeedInformation itunes = (FeedInformation) feed.getModule(ITunes.URI);
        List<Element> markup = feed.getForeignMarkup();
        UUID guid = podcast(markup, "guid")
                .map(Element::getTextTrim)
                .flatMap(FeedReader::uuid)
                .orElseGet(() -> PodcastGuid.of(feedUrl));
        List<EpisodeDetails> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            item(entry).ifPresent(items::add);
        }
        String title = text(feed.getTitle());
        return new Feed(
                title == null ? feedUrl : limit(title, 500),
                bounded(
                        itunes != null && itunes.getSummary() != null ? itunes.getSummary() : feed.getDescription(),
                        50_000),
                web(feed.getLink()),
                itunes == null || itunes.getCategories().isEmpty()
                        ? null
                        : bounded(itunes.getCategories().getFirst().getName(), 200),
                language(feed.getLanguage()),
                web(feed.getImage() != null ? feed.getImage().getUrl() : itunes == null ? null : image(itunes)),
                itunes == null ? null : bounded(itunes.getOwnerName(), 500),
                itunes == null ? null : bounded(itunes.getOwnerEmailAddress(), 254),
                itunes != null && Boolean.TRUE.equals(itunes.getExplicitNullable()),
                guid,
                items);
    }

    private static Optional<EpisodeDetails> item(SyndEntry entry) {
        EntryInformation itunes = (EntryInformation) entry.getModule(ITunes.URI);
        SyndEnclosure enclosure =
                entry.getEnclosures().isEmpty() ? null : entry.getEnclosures().getFirst();
        String audio = enclosure == null ? null : web(enclosure.getUrl());
        String title = text(entry.getTitle());
        if (title == null && audio == null) {
            return Optional.empty();
        }
        Instant published = entry.getPublishedDate() == null
                ? null
                : entry.getPublishedDate().toInstant();
        String guid = entry.getWireEntry() instanceof com.rometools.rome.feed.rss.Item rss
                ? rss.getGuid() == null ? null : text(rss.getGuid().getValue())
                : text(entry.getUri());
        if (guid == null) {
            guid = "reach:"
                    + PodcastGuid.version5(
                            PodcastGuid.NAMESPACE,
                            audio != null ? audio : title + "|" + (published == null ? "" : published.toString()));
        }
        List<Element> markup = entry.getForeignMarkup();
        BigDecimal number = podcast(markup, "episode")
                .flatMap(element -> decimal(element.getTextTrim()))
                .orElse(itunes == null || itunes.getEpisode() == null ? null : BigDecimal.valueOf(itunes.getEpisode()));
        Integer season = podcast(markup, "season")
                .flatMap(element -> decimal(element.getTextTrim()))
                .map(BigDecimal::intValue)
                .orElse(itunes == null ? null : itunes.getSeason());
        Integer duration = itunes == null || itunes.getDuration() == null
                ? null
                : (int) Math.min(Integer.MAX_VALUE, itunes.getDuration().getMilliseconds() / 1000);
        return Optional.of(new EpisodeDetails(
                limit(guid, 1000),
                title == null ? audio == null ? "Untitled" : audio : limit(title, 1000),
                entry.getDescription() == null
                        ? null
                        : bounded(entry.getDescription().getValue(), 100_000),
                number,
                season,
                itunes == null ? null : episodeType(itunes.getEpisodeType()),
                published,
                duration,
                audio,
                enclosure == null ? null : bounded(enclosure.getType(), 100),
                enclosure == null || enclosure.getLength() <= 0 ? null : enclosure.getLength(),
                itunes != null && Boolean.TRUE.equals(itunes.getExplicitNullable()),
                links(markup, "transcript", List.of("url", "type", "language", "rel")),
                podcast(markup, "chapters")
                        .map(element -> web(element.getAttributeValue("url")))
                        .orElse(null),
                persons(markup)));
    }

    private static List<Map<String, String>> persons(List<Element> markup) {
        List<Map<String, String>> persons = new ArrayList<>();
        for (Element element : all(markup, "person")) {
            String name = text(element.getTextTrim());
            if (name == null) {
                continue;
            }
            Map<String, String> person = new LinkedHashMap<>();
            person.put("name", limit(name, 128));
            for (String attribute : List.of("role", "group", "img", "href")) {
                String value = text(element.getAttributeValue(attribute));
                if (value != null) {
                    person.put(attribute, limit(value, 2000));
                }
            }
            persons.add(person);
        }
        return persons;
    }

    private static List<Map<String, String>> links(List<Element> markup, String tag, List<String> attributes) {
        List<Map<String, String>> links = new ArrayList<>();
        for (Element element : all(markup, tag)) {
            Map<String, String> link = new LinkedHashMap<>();
            for (String attribute : attributes) {
                String value = text(element.getAttributeValue(attribute));
                if (value != null) {
                    link.put(attribute, limit(value, 2000));
                }
            }
            if (link.containsKey("url")) {
                links.add(link);
            }
        }
        return links;
    }

    private static Optional<Element> podcast(List<Element> markup, String tag) {
        return all(markup, tag).stream().findFirst();
    }

    private static List<Element> all(List<Element> markup, String tag) {
        return markup.stream()
                .filter(element ->
                        element.getName().equals(tag) && PODCAST_NAMESPACES.contains(element.getNamespaceURI()))
                .toList();
    }

    private static @Nullable String image(FeedInformation itunes) {
        return itunes.getImageUri();
    }

    private static @Nullable String episodeType(@Nullable String type) {
        return EpisodeType.ofCode(type).map(EpisodeType::code).orElse(null);
    }

    private static @Nullable String language(@Nullable String language) {
        String code = text(language);
        return code == null || code.length() < 2 || code.length() > 35 ? null : code;
    }

    private static @Nullable String web(@Nullable String url) {
        String address = text(url);
        return address != null && address.length() <= 2000 && address.matches("(?i)^https?://\\S+$") ? address : null;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> decimal(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            return value.signum() < 0 || value.compareTo(BigDecimal.valueOf(99_999_999)) > 0
                    ? Optional.empty()
                    : Optional.of(value);
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A text the catalog stores, trimmed and cut to what its column holds (a feed is taken as it is, not refused). */
    private static @Nullable String bounded(@Nullable String value, int max) {
        String text = text(value);
        return text == null ? null : limit(text, max);
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
