package org.anxin.platform.callcenter;

import java.util.List;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorPhones;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.Role;
import org.springframework.stereotype.Component;

/**
 * Identifies a caller by number, before anyone answers: a senior's own phone first, then an
 * emergency contact, then a user's phone (family, responder, staff). Through the senior and
 * system modules' public APIs.
 */
@Component
class CallerLookup {
    private final SeniorPhones phones;
    private final SeniorService seniors;
    private final Accounts accounts;

    CallerLookup(SeniorPhones phones, SeniorService seniors, Accounts accounts) {
        this.phones = phones;
        this.seniors = seniors;
        this.accounts = accounts;
    }

    Caller find(String number) {
        List<Senior> own = phones.seniors(number);
        if (!own.isEmpty()) {
            Senior senior = own.get(0);
            return new Caller(CallerKind.SENIOR, senior.name(), senior.id(), null, senior.name());
        }
        List<SeniorPhones.ContactOf> contacts = phones.contacts(number);
        if (!contacts.isEmpty()) {
            SeniorPhones.ContactOf of = contacts.get(0);
            return new Caller(
                    CallerKind.FAMILY,
                    of.contact().name(),
                    of.seniorId(),
                    of.contact().relation(),
                    of.seniorName());
        }
        for (Accounts.User user : accounts.withPhone(number)) {
            String name = user.displayName() == null ? user.username() : user.displayName();
            if (user.role() == Role.FAMILY) {
                Long seniorId = user.seniorIds().stream().sorted().findFirst().orElse(null);
                String seniorName = seniorId == null
                        ? null
                        : seniors.find(seniorId).map(Senior::name).orElse(null);
                return new Caller(CallerKind.FAMILY, name, seniorId, null, seniorName);
            }
            return new Caller(
                    user.role() == Role.RESPONDER ? CallerKind.RESPONDER : CallerKind.STAFF, name, null, null, null);
        }
        return Caller.UNKNOWN;
    }
}
