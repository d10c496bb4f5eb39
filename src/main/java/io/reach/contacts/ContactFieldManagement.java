package io.reach.contacts;

import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** The workspace's declared contact fields (at most {@link #MAX_FIELDS}). */
@Service
public class ContactFieldManagement {

    static final int MAX_FIELDS = 200;

    private final ContactFields fields;
    private final TenantTransactions transactions;
    private final Clock clock;

    ContactFieldManagement(ContactFields fields, TenantTransactions transactions, Clock clock) {
        this.fields = fields;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<ContactField> all() {
        return transactions.inTransaction(fields::all);
    }

    public ContactField declare(String name, String label, FieldType type) {
        return transactions.inTransaction(() -> {
            List<ContactField> declared = fields.all();
            if (declared.size() >= MAX_FIELDS) {
                throw new ConflictException(
                        "Too many fields", "A workspace declares at most " + MAX_FIELDS + " fields");
            }
            if (!fields.add(name, label, type, clock.instant())) {
                throw new ConflictException("Field exists", "A contact field is named " + name);
            }
            return fields.all().stream()
                    .filter(field -> field.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        });
    }

    public void remove(String name) {
        transactions.inTransaction(() -> {
            if (!fields.remove(name)) {
                throw ContactNotFound.fieldForName(name);
            }
        });
    }
}
