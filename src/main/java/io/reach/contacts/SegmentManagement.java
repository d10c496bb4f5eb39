package io.reach.contacts;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Segments: saved filters over contacts (see {@link SegmentDefinition}), checked when saved,
 * evaluated by PostgreSQL each time they are counted or listed, and counted live while edited.
 */
@Service
public class SegmentManagement {

    private final Segments segments;
    private final ContactFields fields;
    private final PageVisits visits;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    SegmentManagement(
            Segments segments,
            ContactFields fields,
            PageVisits visits,
            TenantTransactions transactions,
            Ids ids,
            Clock clock) {
        this.segments = segments;
        this.fields = fields;
        this.visits = visits;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** A segment with how many contacts it has now. */
    public record Counted(Segment segment, long contacts) {}

    public Counted create(String name, SegmentDefinition definition) {
        requireName(name);
        return transactions.inTransaction(() -> {
            compiled(definition);
            UUID id = ids.next();
            if (!segments.add(id, name, definition, clock.instant())) {
                throw nameTaken(name);
            }
            return counted(segments.find(id).orElseThrow());
        });
    }

    public Counted find(UUID id) {
        return transactions.inTransaction(() -> counted(segmentOf(id)));
    }

    public CursorPage<Segment> page(PageRequest page) {
        return transactions.inTransaction(
                () -> CursorPage.of(segments.page(page.afterOrStart(), page.fetchSize()), page, Segment::id));
    }

    public Counted change(UUID id, String name, SegmentDefinition definition) {
        requireName(name);
        return transactions.inTransaction(() -> {
            segmentOf(id);
            compiled(definition);
            if (!segments.update(id, name, definition, clock.instant())) {
                throw nameTaken(name);
            }
            return counted(segments.find(id).orElseThrow());
        });
    }

    public void delete(UUID id) {
        transactions.inTransaction(() -> {
            if (!segments.delete(id)) {
                throw ContactNotFound.segmentForId(id);
            }
        });
    }

    /** How many contacts a definition selects now, without saving it (the segment builder's live count). */
    public long count(SegmentDefinition definition) {
        return transactions.inTransaction(() -> segments.count(compiled(definition)));
    }

    /** The segment's contacts, newest first. */
    public CursorPage<Contact> contacts(UUID id, PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                segments.contacts(compiled(segmentOf(id).definition()), page.beforeOrEnd(), page.fetchSize()),
                page,
                Contact::id));
    }

    /** The contacts of a segment as they are now, newest first, a page at a time; runs in the caller's transaction. */
    public List<Contact> members(UUID id, UUID before, int limit) {
        return segments.contacts(compiled(segmentOf(id).definition()), before, limit);
    }

    /** A 404 unless the workspace has the segment; in the caller's transaction. */
    public void require(UUID id) {
        segmentOf(id);
    }

    private Counted counted(Segment segment) {
        return new Counted(segment, segments.count(compiled(segment.definition())));
    }

    private SegmentSql.Compiled compiled(SegmentDefinition definition) {
        return SegmentSql.compile(definition, fields.all(), visits, clock.instant());
    }

    private Segment segmentOf(UUID id) {
        return segments.find(id).orElseThrow(() -> ContactNotFound.segmentForId(id));
    }

    private static void requireName(String name) {
        if (name.isBlank() || name.length() > 200) {
            throw new InvalidRequestException(new FieldError("name", "must be 1 to 200 characters"));
        }
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("Segment name taken", "The workspace has a segment named \"" + name + "\"");
    }
}
