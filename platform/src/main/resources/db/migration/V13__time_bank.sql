-- Time bank (时间银行): volunteers earn the minutes of their verified visits, and any user may
-- hold minutes, give them away or spend them on a home service for a senior they are linked to.

-- One account per user. A volunteer is a user (usually a RESPONDER) whose account says so;
-- only a volunteer's verified visits earn minutes.
create table timebank_accounts (
    id              bigserial primary key,
    username        text        not null unique references users (username),
    volunteer       boolean     not null default false,
    -- the sum of the account's entries, kept here so that a spend locks one row and checks it;
    -- never negative, whatever the code above does
    balance_minutes integer     not null default 0 check (balance_minutes >= 0),
    opened_by       text        not null,
    opened_at       timestamptz not null
);

-- The ledger. Append-only: the trigger below refuses every UPDATE, DELETE and TRUNCATE, so a
-- correction is a new entry, never an edit.
create table timebank_entries (
    id                bigserial primary key,
    account_id        bigint      not null references timebank_accounts (id),
    minutes           integer     not null,
    kind              text        not null check (kind in ('EARN', 'DONATE_OUT', 'DONATE_IN', 'SPEND', 'REFUND')),
    -- the service order earned on, paid for, or refunded (cancelled or not served after it was paid)
    order_id          bigint      references service_orders (id),
    -- the other side of a donation
    other_account_id  bigint      references timebank_accounts (id),
    actor             text        not null,
    at                timestamptz not null,
    balance_after     integer     not null check (balance_after >= 0),
    note              text,
    check ((kind in ('EARN', 'DONATE_IN', 'REFUND') and minutes > 0) or (kind in ('DONATE_OUT', 'SPEND') and minutes < 0)),
    check ((kind in ('EARN', 'SPEND', 'REFUND')) = (order_id is not null)),
    check ((kind in ('DONATE_OUT', 'DONATE_IN')) = (other_account_id is not null))
);
create index timebank_entries_by_account on timebank_entries (account_id, id);
-- a visit earns once, and an order is paid with minutes once (and refunded at most once)
create unique index timebank_one_earn_per_order on timebank_entries (order_id) where kind = 'EARN';
create unique index timebank_one_spend_per_order on timebank_entries (order_id) where kind = 'SPEND';
create unique index timebank_one_refund_per_order on timebank_entries (order_id) where kind = 'REFUND';

create function timebank_entries_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'timebank_entries is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger timebank_entries_no_update_or_delete
    before update or delete on timebank_entries
    for each row execute function timebank_entries_append_only();
create trigger timebank_entries_no_truncate
    before truncate on timebank_entries
    for each statement execute function timebank_entries_append_only();
