package io.reach.contacts;

import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The workspace's contacts under a filter as CSV, written a page at a time (so a million contacts are
 * never held at once): the standard columns, then one column per declared field, cells neutralised
 * against spreadsheet formulas. An export reads back as an import.
 */
@Service
public class ContactExport {

    static final int PAGE = 1_000;
    private static final List<String> COLUMNS = List.of(
            "id",
            "email",
            "phone",
            "first_name",
            "last_name",
            "locale",
            "time_zone",
            "tags",
            "status",
            "source",
            "engagement_score",
            "last_activity_at",
            "created_at");

    private final Contacts contacts;
    private final ContactFields fields;
    private final TenantTransactions transactions;

    ContactExport(Contacts contacts, ContactFields fields, TenantTransactions transactions) {
        this.contacts = contacts;
        this.fields = fields;
        this.transactions = transactions;
    }

    /** Writes the header and every contact under the filter, newest first; answers how many. */
    public long write(ContactFilter filter, Writer out) {
        return transactions.inTransaction(() -> {
            List<ContactField> declared = fields.all();
            List<String> header = new ArrayList<>(COLUMNS);
            declared.forEach(field -> header.add(field.name()));
            line(out, header);
            long written = 0;
            UUID before = new UUID(-1L, -1L);
            while (true) {
                List<Contact> page = contacts.page(filter, before, PAGE);
                for (Contact contact : page) {
                    line(out, cells(contact, declared));
                }
                written += page.size();
                if (page.size() < PAGE) {
                    return written;
                }
                before = page.getLast().id();
            }
        });
    }

    private static List<Object> cells(Contact contact, List<ContactField> declared) {
        List<Object> cells = new ArrayList<>(List.of(
                contact.id().toString(),
                text(contact.email()),
                text(contact.phone()),
                text(contact.firstName()),
                text(contact.lastName()),
                text(contact.locale()),
                text(contact.timeZone()),
                String.join("|", contact.tags()),
                contact.status().code(),
                contact.source().code(),
                contact.engagementScore(),
                contact.lastActivityAt() == null ? "" : contact.lastActivityAt().toString(),
                contact.createdAt().toString()));
        declared.forEach(field -> cells.add(String.valueOf(contact.attributes().getOrDefault(field.name(), ""))));
        return cells;
    }

    private static String text(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : value;
    }

    private static void line(Writer out, List<?> cells) {
        try {
            out.write(CsvCells.row(cells));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
